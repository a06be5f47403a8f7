package vn.serviceindex.portal.audit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.serviceindex.portal.audit.domain.AuditKey;

/**
 * Where the audit key and the checkpoints live: never in PostgreSQL. {@code portal.audit.key} (base64) wins; else
 * the key file {@code audit-hmac.key} in {@code portal.audit.directory}, which defaults to the directory holding the
 * embedded cluster's directory ({@code data/} beside {@code data/postgres}) and is generated there on first start,
 * readable by its owner only. With a throw-away embedded database (tests) the key and the checkpoints are
 * throw-away too.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditSecrets {

    private static final Logger log = LoggerFactory.getLogger(AuditSecrets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The files beside the data: the key file (null when the key is configured or throw-away), the checkpoints. */
    record AuditFiles(Path keyFile, Path checkpointFile, boolean throwAway) {
    }

    @Bean
    AuditFiles auditFiles(@Value("${portal.audit.directory:}") String directory,
                          @Value("${portal.embedded-database.data-directory:data/postgres}") String dataDirectory,
                          @Value("${portal.audit.checkpoint-file:}") String checkpointFile) throws IOException {
        Path home;
        boolean throwAway = false;
        if (!directory.isBlank()) {
            home = Path.of(directory).toAbsolutePath().normalize();
        } else if (!dataDirectory.isBlank()) {
            Path cluster = Path.of(dataDirectory).toAbsolutePath().normalize();
            home = cluster.getParent() == null ? cluster : cluster.getParent();
        } else {
            home = Files.createTempDirectory("portal-audit");
            home.toFile().deleteOnExit();
            throwAway = true;
        }
        Files.createDirectories(home);
        Path checkpoints = checkpointFile.isBlank() ? home.resolve("audit-checkpoints.log")
                : Path.of(checkpointFile).toAbsolutePath().normalize();
        if (throwAway) {
            checkpoints.toFile().deleteOnExit();
        }
        return new AuditFiles(home.resolve("audit-hmac.key"), checkpoints, throwAway);
    }

    @Bean
    AuditKey auditKey(AuditFiles files, @Value("${portal.audit.key:}") String configured) {
        if (!configured.isBlank()) {
            return new AuditKey(Base64.getDecoder().decode(configured.strip()));
        }
        if (files.throwAway()) {
            return AuditKey.generate();
        }
        try {
            return new AuditKey(readOrGenerate(files.keyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key " + files.keyFile(), e);
        }
    }

    private static byte[] readOrGenerate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] secret = AuditKey.randomBytes();
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return readOrGenerate(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
            log.warn("Generated the change history's key in {}: keep it (and back it up apart from the database);"
                    + " a history sealed with it does not verify with another key", file);
            return secret;
        }
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                log.warn("The audit key {} was readable by others; it is now readable by its owner only", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file's ACL is the operator's business
        }
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }
}
