package org.zcp.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void tagsAreRemoved() {
        assertThat(HtmlText.toText("<div><b>bold</b> and <a href=\"x\">link</a></div>"))
                .isEqualTo("bold and link");
    }

    @Test
    void brInAllSpellingsBecomesANewline() {
        assertThat(HtmlText.toText("one<br>two<BR/>three<br />four")).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void closingBlockElementsEndALine() {
        assertThat(HtmlText.toText("<p>first</p><p>second</p><h1>title</h1><ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("first\nsecond\ntitle\na\nb");
    }

    @Test
    void namedEntitiesAreDecoded() {
        assertThat(HtmlText.toText("a&nbsp;b &lt;c&gt; &quot;d&quot; &#39;e&#39; f&amp;g"))
                .isEqualTo("a b <c> \"d\" 'e' f&g");
    }

    @Test
    void ampersandIsDecodedLastSoEscapedEntitiesStayLiteral() {
        assertThat(HtmlText.toText("&amp;lt;p&amp;gt;")).isEqualTo("&lt;p&gt;");
    }

    @Test
    void scriptAndStyleAreRemovedWithTheirContent() {
        String html = "<style type=\"text/css\">p { color: red; }</style>"
                + "<p>visible</p><SCRIPT>if (a < b) alert('x');</SCRIPT><p>also visible</p>";

        assertThat(HtmlText.toText(html)).isEqualTo("visible\nalso visible");
    }

    @Test
    void multilineScriptIsRemoved() {
        assertThat(HtmlText.toText("before<script>\nvar x = 1;\n</script>after")).isEqualTo("beforeafter");
    }

    @Test
    void trailingBlanksAreTrimmedAndRunsOfEmptyLinesCollapse() {
        assertThat(HtmlText.toText("  <p>a   </p><br><br><br><br><p>b</p>  ")).isEqualTo("a\n\nb");
    }

    @Test
    void commonLatinEntitiesAndNumericReferencesAreDecoded() {
        assertThat(HtmlText.toText("Gr&uuml;&szlig;e &euro; &#228; &#x20AC;")).isEqualTo("Grüße € ä €");
    }

    @Test
    void documentTitleIsNotPartOfTheText() {
        assertThat(HtmlText.toText("<html><head><title>Newsletter 12</title></head><body><p>Hi</p></body></html>"))
                .isEqualTo("Hi");
    }
}
