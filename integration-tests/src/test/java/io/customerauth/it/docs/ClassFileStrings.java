package io.customerauth.it.docs;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The strings compiled into the classes of a jar (the UTF-8 entries of each class file's constant pool): option names,
 * SPI ids and provider ids are string constants, so a name the documentation quotes can be looked up without loading
 * (or even being able to load) the classes.
 */
final class ClassFileStrings {

    private static final int CLASS_FILE_MAGIC = 0xCAFEBABE;

    private ClassFileStrings() {
    }

    static Set<String> of(Path jar) {
        Set<String> strings = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        readConstants(new DataInputStream(in), strings);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + jar, e);
        }
        return strings;
    }

    /** JVM specification §4.4: the constant pool, skipping every entry that is not CONSTANT_Utf8. */
    private static void readConstants(DataInputStream in, Set<String> strings) throws IOException {
        if (in.readInt() != CLASS_FILE_MAGIC) {
            return;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
    }
}
