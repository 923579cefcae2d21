package org.zcp.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.zcp.protocols.imap.parse.AppendRequest;
import org.zcp.protocols.imap.parse.Args;
import org.zcp.protocols.imap.parse.FetchAttributes;
import org.zcp.protocols.imap.parse.ImapReader;
import org.zcp.protocols.imap.parse.ListRequest;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.RejectedCommandException;
import org.zcp.protocols.imap.parse.SearchRequest;
import org.zcp.protocols.imap.parse.StatusItems;
import org.zcp.protocols.imap.parse.StoreRequest;

/**
 * Fuzzes the IMAP command reader and the typed parsers behind it with whatever a client may
 * send. Invariants: the reader fails only with {@link RejectedCommandException} (the command is
 * answered and skipped) or {@link EOFException} (input ended inside a command); the parsers only
 * with {@link ParseException}; no literal buffer is larger than the octets that really arrived
 * (security review #1); no spooled literal outlives its command.
 */
class ImapCommandFuzzTest {
    /** Small limits so the fuzzer reaches the refusal and spooling paths with short inputs. */
    static final ImapReader.Limits LIMITS = new ImapReader.Limits(256, 64 * 1024, 512, 64, 1024, spoolDir());

    static Path spoolDir() {
        try {
            return Files.createTempDirectory("imap-fuzz-spool");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void readerAndParsersFailOnlyWithTheirOwnErrors(byte[] input) throws IOException {
        for (boolean authenticated : new boolean[] {false, true}) {
            ImapReader reader = new ImapReader(new ByteArrayInputStream(input), LIMITS, () -> { });
            reader.authenticated(authenticated);
            read(reader);
            assertThat(reader.largestLiteralBuffer()).isLessThanOrEqualTo(Math.max(8192, input.length));
        }
        try (Stream<Path> left = Files.list(LIMITS.spoolDir())) {
            assertThat(left).as("spooled literals left behind").isEmpty();
        }
    }

    private static void read(ImapReader reader) throws IOException {
        while (true) {
            RawCommand command;
            try {
                command = reader.read();
            } catch (RejectedCommandException e) {
                assertThat(e.response()).doesNotContain("\r", "\n");
                if (e.closeConnection()) return;
                continue;
            } catch (EOFException e) {
                return;
            }
            if (command == null) return;
            try (command) {
                parse(command);
            }
        }
    }

    /** Runs the parser the session would run for the command's name. */
    private static void parse(RawCommand c) {
        try {
            switch (c.name()) {
                case "APPEND" -> AppendRequest.parse(c.cursor());
                case "FETCH", "UID FETCH" -> {
                    Args a = c.cursor();
                    a.sequenceSet();
                    FetchAttributes.parse(a);
                }
                case "STORE", "UID STORE" -> StoreRequest.parse(c.cursor());
                case "SEARCH", "UID SEARCH" -> SearchRequest.parse(c.cursor());
                case "LIST" -> ListRequest.parse(c.cursor());
                case "LSUB" -> ListRequest.parseLsub(c.cursor());
                case "STATUS" -> {
                    Args a = c.cursor();
                    a.mailbox();
                    StatusItems.parse(a);
                }
                default -> {
                    Args a = c.cursor();
                    while (a.hasNext()) Args.astring(a.next());
                }
            }
        } catch (ParseException e) {
            // the session answers BAD
        }
    }
}
