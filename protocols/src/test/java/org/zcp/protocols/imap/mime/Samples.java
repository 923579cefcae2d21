package org.zcp.protocols.imap.mime;

import java.nio.charset.StandardCharsets;

/** Sample messages; strings are octet strings (ISO-8859-1), lines written with LF and turned into CRLF. */
final class Samples {
    private Samples() {
    }

    static byte[] crlf(String lfText) {
        return lfText.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] lf(String lfText) {
        return lfText.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String str(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** The message of the RFC 3501 §7.4.2 examples: 92 body lines, 3028 octets. */
    static byte[] rfc3501() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 91; i++) {
            body.append("abcdefghijklmnopqrstuvwxyz01234\n");
        }
        body.append("abcdefghijklmnopqrstuvw\n");
        return crlf("""
                Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)
                From: Terry Gray <gray@cac.washington.edu>
                Subject: IMAP4rev1 WG mtg summary and minutes
                To: imap@cac.washington.edu
                cc: minutes@CNRI.Reston.VA.US,
                 John Klensin <KLENSIN@MIT.EDU>
                Message-Id: <B27397-0100000@cac.washington.edu>
                MIME-Version: 1.0
                Content-Type: TEXT/PLAIN; CHARSET=US-ASCII
                Content-Transfer-Encoding: 7BIT

                """ + body);
    }

    static final String ALTERNATIVE = """
            From: Alice <alice@example.com>
            To: Bob <bob@example.org>
            Subject: Hello
            Date: Mon, 1 Jan 2024 10:00:00 +0000
            Message-ID: <alt@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            This is a preamble.
            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Hi Bob=21
            --b1
            Content-Type: text/html; charset=utf-8

            <p>Hi Bob!</p>
            --b1--
            epilogue
            """;

    /** multipart/mixed: text, attachment, a forwarded message which is itself multipart. */
    static final String MIXED = """
            From: "Doe, John" <john@example.com>
            To: team:  ann@example.com, "Bo B." <bob@example.com>;
            Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?= report
            Date: Tue, 2 Jan 2024 09:30:00 +0100
            Message-ID: <mixed@example.com>
            In-Reply-To: <prev@example.com>
            MIME-Version: 1.0
            Content-Type: multipart/mixed;
             boundary="outer-boundary"

            --outer-boundary
            Content-Type: text/plain

            See attached.

            --outer-boundary
            Content-Type: application/pdf; name="report.pdf"
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename="report.pdf"
            Content-ID: <pdf@example.com>
            Content-Description: The report
            Content-Language: en, de
            Content-Location: http://example.com/report.pdf
            Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==

            JVBERi0xLjQK
            --outer-boundary
            Content-Type: message/rfc822

            From: carol@example.net
            Subject: inner
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=us-ascii

            inner text
            --inner
            Content-Type: text/html

            <b>inner</b>
            --inner--

            --outer-boundary--
            """;
}
