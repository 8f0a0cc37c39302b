package eu.egi.csirt.cvh.app;

import eu.egi.csirt.cvh.adapter.console.ConsoleUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Prints the entry of a console user (PBKDF2 hash of the password) or of a new API token, for app.console.users / .tokens. */
@Command(name = "console-password", mixinStandardHelpOptions = true,
        description = "Print a console user entry (name:role:PBKDF2 hash; the password is read from standard input) "
                + "or, with --token, a new random API token and its entry (name:role:SHA-256).")
public final class ConsolePasswordCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "user or token name (goes to the audit trail)")
    String name;

    @Option(names = "--role", description = "officer or viewer (default: ${DEFAULT-VALUE})")
    String role = "officer";

    @Option(names = "--token", description = "make a new API token instead of hashing a password")
    boolean token;

    @Override
    public Integer call() throws Exception {
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            System.err.println("console-password: '" + name + "' cannot be a console name: letters, digits, '.', '_', '@', '-' (no ':' or ',')");
            return 2;
        }
        if (!role.equals("officer") && !role.equals("viewer")) throw new IllegalArgumentException("--role must be officer or viewer");
        if (token) {
            String secret = ConsoleUsers.randomSecret() + ConsoleUsers.randomSecret();
            System.out.println("token (give it to the client, then forget it): " + secret);
            System.out.println("app.console.tokens entry: " + name + ":" + role + ":" + ConsoleUsers.tokenHash(secret));
            return 0;
        }
        String password = System.console() != null ? new String(System.console().readPassword("password for %s: ", name))
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (password == null || password.length() < 12) throw new IllegalArgumentException("a password of at least 12 characters is needed");
        System.out.println(name + ":" + role + ":" + ConsoleUsers.hash(password));
        return 0;
    }
}
