package eu.egi.csirt.cvh.adapter.gocdb;

import java.nio.file.Path;
import java.util.Objects;

/** How the client proves who it is to GOCDB. The secrets never appear in {@code toString()}. */
public sealed interface GocdbCredentials {

    /** An X.509 client certificate with its key in a PKCS12 keystore (GOCDB's usual credential). */
    record ClientCertificate(Path pkcs12Keystore, char[] password) implements GocdbCredentials {
        public ClientCertificate {
            Objects.requireNonNull(pkcs12Keystore, "pkcs12Keystore");
            password = password == null ? new char[0] : password.clone();
        }

        @Override
        public String toString() {
            return "ClientCertificate[" + pkcs12Keystore + ", password=***]";
        }
    }

    /** A token sent in a request header (header name configurable: GOCDB instances differ). */
    record TokenHeader(String headerName, String token) implements GocdbCredentials {
        public TokenHeader {
            if (headerName == null || headerName.isBlank()) throw new IllegalArgumentException("token header name is empty");
            if (token == null || token.isBlank()) throw new IllegalArgumentException("token for header " + headerName + " is empty");
        }

        @Override
        public String toString() {
            return "TokenHeader[" + headerName + ": ***]";
        }
    }

    /** No credential: public methods only, and test servers. */
    record None() implements GocdbCredentials {
    }
}
