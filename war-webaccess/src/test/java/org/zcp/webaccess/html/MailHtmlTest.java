package org.zcp.webaccess.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailHtmlTest {
    static MailHtml.Result clean(String html) {
        return MailHtml.sanitize(html, cid -> null, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "<a href=\"javascript:alert(3)\">x</a>",
        "<a href=\" JaVaScRiPt:alert(3)\">x</a>",
        "<svg onload=alert(4)><circle/></svg>",
        "<div style=\"background:url(javascript:alert(5));width:expression(alert(6))\">x</div>",
        "<iframe src=\"http://evil.example/\"></iframe>",
        "<form action=\"http://evil.example/\"><input name=a></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=http://evil.example/\">",
        "<base href=\"http://evil.example/\">",
        "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
        "<math><mi xlink:href=\"javascript:alert(7)\">x</mi></math>",
        "<style>@import url(http://evil.example/x.css); body{behavior:url(x.htc)}</style><p>x</p>",
        "<a href=\"data:text/html,<script>alert(8)</script>\">x</a>",
        "<body onload=alert(9)><p>x</p></body>",
        "<p style=\"-moz-binding:url(http://evil.example/x.xml#x)\">x</p>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"
    })
    void nothingThatRunsOrLoadsSurvives(String hostile) {
        String out = clean(hostile).html().toLowerCase();
        assertThat(out).doesNotContain("<script", "onerror", "onload", "javascript:", "<svg", "expression(", "<iframe",
                "<form", "<input", "<meta", "<base", "<object", "<embed", "<math", "@import", "behavior", "-moz-binding",
                "evil.example", "data:text", "svg+xml");
    }

    @Test
    void remoteImagesAreCountedAndLeftOutUntilAllowed() {
        String html = "<p>hi</p><img src=\"http://tracker.example/p.png\"><div style=\"background:url('https://x.example/b.png')\">b</div>"
                + "<table background=\"http://x.example/t.png\"><tr><td>t</td></tr></table>";
        MailHtml.Result blocked = clean(html);
        assertThat(blocked.remoteImages()).isEqualTo(3);
        assertThat(blocked.html()).doesNotContain("tracker.example", "x.example").contains("<p>hi</p>");
        MailHtml.Result allowed = MailHtml.sanitize(html, cid -> null, true);
        assertThat(allowed.html()).contains("http://tracker.example/p.png", "https://x.example/b.png");
    }

    @Test
    void inlineImagesBecomeDataUris() {
        Map<String, String> inline = Map.of("logo@x", "data:image/png;base64,iVBORw0KGgo=");
        MailHtml.Result r = MailHtml.sanitize("<img src=\"cid:logo@x\" alt=\"Logo\"><img src=\"cid:gone@x\">", inline::get, false);
        assertThat(r.html()).contains("src=\"data:image/png;base64,iVBORw0KGgo=\"", "alt=\"Logo\"").doesNotContain("cid:");
        assertThat(r.remoteImages()).isZero();
    }

    @Test
    void ordinaryMailKeepsItsLayout() {
        String html = "<html><head><style>p.x { color: #336699; font-family: Arial }</style></head><body>"
                + "<table width=\"600\" cellpadding=\"4\"><tr><td bgcolor=\"#eeeeee\"><p class=\"x\"><b>Hello</b>"
                + " <a href=\"https://example.org/a?b=1\">link</a> <a href=\"mailto:a@example.org\">mail</a></p></td></tr></table>"
                + "<font color=\"red\" face=\"Verdana\">red</font><ul><li>one</li></ul></body></html>";
        String out = clean(html).html();
        assertThat(out).contains("<style>", "color: #336699", "<table width=\"600\" cellpadding=\"4\">",
                "<td bgcolor=\"#eeeeee\">", "<b>Hello</b>", "href=\"https://example.org/a?b=1\"",
                "rel=\"noopener noreferrer\"", "target=\"_blank\"", "href=\"mailto:a@example.org\"",
                "<font color=\"red\" face=\"Verdana\">", "<li>one</li>");
    }

    @Test
    void styleSheetsCannotCloseTheirElement() {
        String out = clean("<style>p{color:red}</style><script>alert(1)</script></style><p>x</p>").html();
        assertThat(out).doesNotContain("<script").contains("<p>x</p>");
    }
}
