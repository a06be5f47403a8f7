package vn.serviceindex.portal.audit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.serviceindex.portal.audit.domain.AuditKey;
import vn.serviceindex.portal.audit.domain.Checkpoint;

/** The signed checkpoints beside the data, one line each, appended and flushed to disk. */
@Component
class CheckpointFile {

    private final Path file;
    private final AuditKey key;

    CheckpointFile(AuditSecrets.AuditFiles files, AuditKey key) {
        this.file = files.checkpointFile();
        this.key = key;
    }

    Path path() {
        return file;
    }

    synchronized void append(Checkpoint checkpoint) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint to " + file, e);
        }
    }

    /** The newest line the key signed; lines it did not sign (edited, or of another key) are passed over. */
    synchronized Optional<Checkpoint> latest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Optional<Checkpoint> checkpoint = Checkpoint.parse(lines.get(i)).filter(c -> c.signedWith(key));
                if (checkpoint.isPresent()) {
                    return checkpoint;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints in " + file, e);
        }
    }
}
