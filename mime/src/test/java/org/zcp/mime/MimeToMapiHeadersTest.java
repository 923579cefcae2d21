package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.DELIVERY_TIME;
import static org.zcp.mime.MimeSamples.convertResource;
import static org.zcp.mime.MimeSamples.convertText;
import static org.zcp.mime.MimeSamples.number;
import static org.zcp.mime.MimeSamples.string;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.MimeToMapiHeadersTest;

class MimeToMapiHeadersTest {

    private static Message withHeaders(String headers) {
        return convertText(headers + "\nContent-Type: text/plain\n\nBody.\n");
    }

    @Nested
    class FixedProperties {
        @Test
        void everyMessageIsAnUnreadIpmNoteWithTheGivenDeliveryTime() {
            // Given a plain mail
            // When it is converted
            Message m = convertResource("headers-full.eml");

            // Then the fixed properties are set
            assertThat(string(m.props, PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Note");
            assertThat(number(m.props, PropTag.PR_MESSAGE_FLAGS)).isZero();
            assertThat(number(m.props, PropTag.PR_MESSAGE_DELIVERY_TIME)).isEqualTo(DELIVERY_TIME);
        }

        @Test
        void deliveryTimeIsTakenFromTheCallerNotFromTheMail() throws Exception {
            // Given a mail with a Date header
            var mime = MimeToMapi.parse(new java.io.ByteArrayInputStream(MimeSamples.resource("headers-full.eml")));

            // When it is converted with a specific delivery time
            Message m = MimeToMapi.convert(mime, 42L);

            // Then that time is PR_MESSAGE_DELIVERY_TIME
            assertThat(number(m.props, PropTag.PR_MESSAGE_DELIVERY_TIME)).isEqualTo(42L);
        }
    }

    @Nested
    class Subject {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                Q, ISO-8859-1 | =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=                          | Grüße aus Köln
                B, ISO-8859-1 | =?iso-8859-1?B?R3L832UgYXVzIEv2bG4=?=                          | Grüße aus Köln
                Q, UTF-8      | =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=                    | Grüße aus Köln
                B, UTF-8      | =?utf-8?B?R3LDvMOfZSBhdXMgS8O2bG4g4oCTIMO8bsOvY8O2ZMOp?=       | Grüße aus Köln – ünïcödé
                between words | Rechnung =?UTF-8?Q?f=C3=BCr?= Anna                           | Rechnung für Anna
                """)
        void encodedWordsInTheSubjectAreDecoded(String kind, String encoded, String expected) {
            // Given a Subject with RFC 2047 encoded words
            // When the mail is converted
            Message m = withHeaders("From: a@example.com\nSubject: " + encoded);

            // Then PR_SUBJECT holds the decoded text
            assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo(expected);
        }

        @Test
        void encodedWordInsideAWordIsDecodedAsTheSessionAsksForNonStrictDecoding() {
            // Given an encoded word glued to ordinary text (not RFC 2047 compliant, but common)
            Message m = withHeaders("Subject: Rechnung M=?UTF-8?Q?=C3=A4?=rz");

            // Then it is decoded, as mail.mime.decodetext.strict=false intends
            assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Rechnung März");
        }

        @Test
        void adjacentEncodedWordsFoldedOverTwoLinesAreJoinedWithoutTheFoldingSpace() {
            // Given a Subject split into two encoded words on a folded line
            Message m = withHeaders("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus?=\n =?UTF-8?B?IEvDtmxu?=");

            // Then the words are joined (RFC 2047 section 6.2)
            assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Grüße aus Köln");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
                "Re: Quarterly report"     | "Re: "   | "Quarterly report"
                "Fwd: Quarterly report"    | "Fwd: "  | "Quarterly report"
                "FW: Quarterly report"     | "FW: "   | "Quarterly report"
                "AW: Quarterly report"     | "AW: "   | "Quarterly report"
                "RE:Quarterly report"      | "RE:"    | "Quarterly report"
                "Re: Fwd: Quarterly report"| "Re: "   | "Fwd: Quarterly report"
                "Quarterly report"         | ""       | "Quarterly report"
                "Review: Quarterly report" | ""       | "Review: Quarterly report"
                """)
        void replyAndForwardPrefixesAreSplitIntoPrefixAndNormalizedSubject(String subject, String prefix,
                String normalized) {
            // Given a Subject with or without a reply/forward prefix
            Message m = withHeaders("Subject: " + subject);

            // Then the prefix and the rest are split, and the topic is the normalized subject
            assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo(subject);
            assertThat(string(m.props, PropTag.PR_SUBJECT_PREFIX)).isEqualTo(prefix);
            assertThat(string(m.props, PropTag.PR_NORMALIZED_SUBJECT)).isEqualTo(normalized);
            assertThat(string(m.props, PropTag.PR_CONVERSATION_TOPIC)).isEqualTo(normalized);
        }

        @Test
        void aMailWithoutSubjectHasNoSubjectProperties() {
            Message m = withHeaders("From: a@example.com");

            assertThat(PropValues.find(m.props, PropTag.PR_SUBJECT)).isNull();
            assertThat(PropValues.find(m.props, PropTag.PR_NORMALIZED_SUBJECT)).isNull();
        }
    }

    @Nested
    class SenderAndFrom {
        @Test
        void fromBecomesSentRepresentingAndSenderHeaderWinsForSender() {
            // Given From: "Big Boss" <boss@...> and Sender: Assistant <assistant@...>
            Message m = convertResource("headers-full.eml");

            // Then From is the represented sender, Sender the actual sender
            assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("Big Boss");
            assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS)).isEqualTo("boss@example.com");
            assertThat(string(m.props, PropTag.PR_SENDER_NAME)).isEqualTo("Assistant");
            assertThat(string(m.props, PropTag.PR_SENDER_EMAIL_ADDRESS)).isEqualTo("assistant@example.com");
            assertThat(string(m.props, PropTag.PR_SENDER_ADDRTYPE)).isEqualTo("SMTP");
        }

        @Test
        void withoutSenderHeaderTheSenderIsTheFromAddress() {
            Message m = withHeaders("From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>");

            assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("Jürgen Müller");
            assertThat(string(m.props, PropTag.PR_SENDER_NAME)).isEqualTo("Jürgen Müller");
            assertThat(string(m.props, PropTag.PR_SENDER_EMAIL_ADDRESS)).isEqualTo("juergen@example.de");
        }

        @Test
        void aBareAddressIsAlsoTheDisplayName() {
            Message m = withHeaders("From: plain@example.com");

            assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("plain@example.com");
            assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS)).isEqualTo("plain@example.com");
        }
    }

    @Nested
    class DatesAndIds {
        @Test
        void dateHeaderBecomesClientSubmitTimeInEpochMillis() {
            // Given Date: Tue, 14 Jan 2025 10:30:00 +0100
            Message m = convertResource("headers-full.eml");

            // Then PR_CLIENT_SUBMIT_TIME is 2025-01-14T09:30:00Z
            assertThat(number(m.props, PropTag.PR_CLIENT_SUBMIT_TIME)).isEqualTo(1_736_847_000_000L);
        }

        @Test
        void messageIdAndInReplyToAreCopiedWithTheirAngleBrackets() {
            Message m = convertResource("headers-full.eml");

            assertThat(string(m.props, PropTag.PR_INTERNET_MESSAGE_ID)).isEqualTo("<abc123@example.com>");
            assertThat(string(m.props, PropTag.PR_IN_REPLY_TO_ID)).isEqualTo("<parent456@example.org>");
        }
    }

    @Nested
    class Importance {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                Importance: High                | 2
                Importance: high                | 2
                Importance: Normal              | 1
                Importance: Low                 | 0
                X-Priority: 1 (Highest)         | 2
                X-Priority: 2 (High)            | 2
                X-Priority: 3 (Normal)          | 1
                X-Priority: 4 (Low)             | 0
                X-Priority: 5                   | 0
                X-Mailer: nothing about priority| 1
                """)
        void importanceAndXPriorityMapToPrImportance(String header, long expected) {
            Message m = withHeaders(header);

            assertThat(number(m.props, PropTag.PR_IMPORTANCE)).isEqualTo(expected);
        }

        @Test
        void importanceHeaderWinsOverXPriority() {
            Message m = withHeaders("Importance: low\nX-Priority: 1");

            assertThat(number(m.props, PropTag.PR_IMPORTANCE)).isZero();
        }
    }

    @Nested
    class TransportHeaders {
        @Test
        void transportMessageHeadersHoldTheHeaderLinesWithCrlf() {
            Message m = convertResource("headers-full.eml");

            String headers = string(m.props, PropTag.PR_TRANSPORT_MESSAGE_HEADERS);
            assertThat(headers)
                    .startsWith("Return-Path: <boss@example.com>\r\n")
                    .contains("Message-ID: <abc123@example.com>\r\n")
                    .contains("Subject: Re: Quarterly report\r\n")
                    .contains("Importance: High\r\n")
                    .contains("by mail.example.org")
                    .endsWith("Content-Transfer-Encoding: 7bit\r\n")
                    .doesNotContain("the report is attached");
        }
    }
}
