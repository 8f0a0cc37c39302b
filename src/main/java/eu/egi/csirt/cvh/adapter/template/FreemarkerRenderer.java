package eu.egi.csirt.cvh.adapter.template;

import eu.egi.csirt.cvh.port.TextRenderer;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Mail and ticket texts from {@code config/templates/*.ftl} (FreeMarker: a mature, widely used engine
 * with conditionals and lists, and clear errors naming template and line). Edited templates are
 * picked up without a restart.
 */
public final class FreemarkerRenderer implements TextRenderer {

    private final Configuration configuration;

    public FreemarkerRenderer(Path templateFolder) {
        try {
            configuration = new Configuration(Configuration.VERSION_2_3_34);
            configuration.setDirectoryForTemplateLoading(templateFolder.toFile());
            configuration.setDefaultEncoding("UTF-8");
            configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            configuration.setLogTemplateExceptions(false);
            configuration.setTemplateUpdateDelayMilliseconds(1000);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read templates from " + templateFolder, e);
        }
    }

    @Override
    public Text render(String templateName, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            String text = out.toString();
            int newline = text.indexOf('\n');
            String first = newline < 0 ? text : text.substring(0, newline);
            if (!first.startsWith("Subject:")) {
                throw new IllegalStateException("template " + templateName + " must start with a 'Subject:' line");
            }
            return new Text(first.substring("Subject:".length()).trim(), newline < 0 ? "" : text.substring(newline + 1));
        } catch (IOException | freemarker.template.TemplateException e) {
            throw new IllegalStateException("template " + templateName + ": " + e.getMessage(), e);
        }
    }
}
