package org.zcp.ical;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;

/** The test corpus (src/test/resources/corpus, also shipped in the test-jar) and comparisons of messages. */
final class Corpus {
    private Corpus() {
    }

    /** The server zone the corpus tests read DATE and floating values in. */
    static final ZoneId SERVER_ZONE = ZoneId.of("Europe/Berlin");

    static Path dir(String sub) {
        try {
            return Path.of(Corpus.class.getResource("/corpus/" + sub).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> files(String sub, String suffix) {
        try (Stream<Path> s = Files.list(dir(sub))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String sub, String name) {
        try {
            return Files.readString(dir(sub).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> props(List<PropValue> props) {
        Map<String, Object> out = new TreeMap<>();
        for (PropValue p : props) {
            Object v = p.value();
            if (v instanceof byte[] b) v = HexFormat.of().formatHex(b);
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof byte[]) {
                List<String> hex = new ArrayList<>();
                for (Object o : l) hex.add(HexFormat.of().formatHex((byte[]) o));
                v = hex;
            }
            out.put(String.format("%08X", p.tag), v);
        }
        return out;
    }

    /** A message as comparable values: properties, recipients, attachments (with their data). */
    static List<Object> view(Message m) {
        List<Object> recipients = new ArrayList<>();
        if (m.recipients != null) for (Recipient r : m.recipients) recipients.add(props(r.props));
        List<Object> attachments = new ArrayList<>();
        if (m.attachments != null) {
            for (Attachment a : m.attachments) {
                attachments.add(List.of(props(a.props), a.data == null ? "" : HexFormat.of().formatHex(a.data)));
            }
        }
        return List.of(props(m.props), recipients, attachments);
    }
}
