package vn.serviceindex.portal;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which tables a compiled class writes: the {@code insert into}, {@code update} and {@code delete from} of the SQL
 * text it carries, read from the string constants of its class file (a text block, a literal and the parts of a
 * concatenation all end up there), so comments and names in code never count.
 */
final class TableWrites {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+(\\w+)");

    private TableWrites() {
    }

    /** The tables the migrations create. */
    static Set<String> tables(Path migrations) throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(file));
                while (table.find()) {
                    tables.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** The tables among {@code tables} that the class's SQL writes. */
    static Set<String> writtenTables(JavaClass javaClass, Set<String> tables) {
        Set<String> written = new TreeSet<>();
        for (String constant : stringConstants(javaClass)) {
            Matcher write = WRITE.matcher(constant);
            while (write.find()) {
                String table = write.group(1).toLowerCase(Locale.ROOT);
                if (tables.contains(table)) {
                    written.add(table);
                }
            }
        }
        return written;
    }

    /** The CONSTANT_String entries of the class file's constant pool (JVMS 4.4). */
    private static List<String> stringConstants(JavaClass javaClass) {
        var source = javaClass.getSource();
        if (source.isEmpty()) {
            return List.of();
        }
        try (InputStream in = source.get().getUri().toURL().openStream();
             DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> {
                        data.readUnsignedByte();
                        data.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag + " in " + javaClass);
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
