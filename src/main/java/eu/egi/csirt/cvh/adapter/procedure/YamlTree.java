package eu.egi.csirt.cvh.adapter.procedure;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A YAML node that remembers its file and line, so every error in a procedure or advisory
 * file names where to look. Unknown keys are errors: a typo must not silently drop a step.
 */
public final class YamlTree {
    private final String file;
    private final Node node;

    private YamlTree(String file, Node node) {
        this.file = file;
        this.node = node;
    }

    public static YamlTree parse(String file, Reader reader) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new ProcedureFileException(file, 1, "the file is empty");
            }
            return new YamlTree(file, root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new ProcedureFileException(file, line, "not valid YAML: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ProcedureFileException(file, 0, "not valid YAML: " + e.getMessage());
        }
    }

    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String file() {
        return file;
    }

    public ProcedureFileException error(String message) {
        return new ProcedureFileException(file, line(), message);
    }

    public Map<String, YamlTree> mapping(Set<String> allowedKeys) {
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value)");
        }
        Map<String, YamlTree> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            YamlTree key = new YamlTree(file, t.getKeyNode());
            String name = key.scalar();
            if (!allowedKeys.contains(name)) {
                throw key.error("unknown key '" + name + "'; allowed: " + String.join(", ", allowedKeys));
            }
            out.put(name, new YamlTree(file, t.getValueNode()));
        }
        return out;
    }

    public List<YamlTree> sequence() {
        if (node instanceof SequenceNode s) {
            List<YamlTree> out = new ArrayList<>();
            s.getValue().forEach(n -> out.add(new YamlTree(file, n)));
            return out;
        }
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        throw error("expected a list");
    }

    public String scalar() {
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value");
        }
        return s.getValue();
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public <T> T as(String what, Function<String, T> parse) {
        String text = scalar();
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw error("'" + text + "' is not a valid " + what
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : ""));
        }
    }

    public static Optional<YamlTree> opt(Map<String, YamlTree> map, String key) {
        return Optional.ofNullable(map.get(key));
    }

    public static YamlTree req(YamlTree parent, Map<String, YamlTree> map, String key) {
        YamlTree v = map.get(key);
        if (v == null) {
            throw parent.error("missing required key '" + key + "'");
        }
        return v;
    }
}
