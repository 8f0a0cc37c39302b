package eu.egi.csirt.cvh.adapter.console;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Console credentials: PBKDF2 password hashes, SHA-256 token hashes, entries checked when read. */
class ConsoleUsersTest {

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_hashed_password_and_a_hashed_token_authenticate_with_their_roles() {
        String token = ConsoleUsers.randomSecret();
        ConsoleUsers users = ConsoleUsers.parse("jane:officer:" + ConsoleUsers.hash("correct horse battery"),
                "grafana:viewer:" + ConsoleUsers.tokenHash(token));
        assertThat(users.authenticate(basic("jane", "correct horse battery"))).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("jane");
            assertThat(p.mayAct()).isTrue();
        });
        assertThat(users.authenticate("Bearer " + token)).hasValueSatisfying(p -> assertThat(p.mayAct()).isFalse());
        assertThat(users.authenticate(basic("jane", "wrong"))).isEmpty();
        assertThat(users.authenticate("Bearer " + token + "x")).isEmpty();
        assertThat(ConsoleUsers.hash("same")).as("a random salt each time").isNotEqualTo(ConsoleUsers.hash("same"));
    }

    @Test
    void a_wrong_entry_is_refused_when_read_with_what_to_do() {
        assertThatThrownBy(() -> ConsoleUsers.parse("jane:officer:plaintext", "")).hasMessageContaining("console-password");
        assertThatThrownBy(() -> ConsoleUsers.parse("jane:admin:" + ConsoleUsers.hash("x"), "")).hasMessageContaining("officer or viewer");
        assertThatThrownBy(() -> ConsoleUsers.parse("", "ci:viewer:abc")).hasMessageContaining("64 hex digits");
        assertThat(ConsoleUsers.parse(" ", " ").isEmpty()).isTrue();
    }

    @Test
    void a_user_listed_twice_or_a_hash_in_the_wrong_shape_is_refused_at_start() {
        String hash = ConsoleUsers.hash("secret");
        assertThatThrownBy(() -> ConsoleUsers.parse("alice:officer:" + hash + ",alice:viewer:" + hash, ""))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ConsoleUsers.parse("bob:officer:pbkdf2-sha256$oops", ""))
                .hasMessageContaining("$iterations$salt$hash");
    }
}
