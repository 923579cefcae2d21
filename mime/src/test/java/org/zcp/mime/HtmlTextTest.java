package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zcp.mime.HtmlText;
import org.zcp.mime.HtmlTextTest;

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

    // ---- hostile input (security review #2, #21); the timeouts only guard against a hang ------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void openingBracketsWithoutAnEndStayTextInOnePass() {
        String text = HtmlText.toText("<".repeat(HtmlText.MAX_CHARS + 1000));
        assertThat(text.length()).isEqualTo(HtmlText.MAX_CHARS);
        assertThat(text.chars().allMatch(c -> c == '<')).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unclosedScriptsAreDroppedAsTagsInOnePass() {
        assertThat(HtmlText.toText("<script>".repeat(500_000) + "tail")).isEqualTo("tail");
        assertThat(HtmlText.toText("<style>x".repeat(300_000)).equals("x".repeat(300_000))).isTrue();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unclosedCommentsAndEndTagFragmentsAreLinear() {
        assertThat(HtmlText.toText("<!--a>".repeat(300_000))).isEqualTo("");
        assertThat(HtmlText.toText("<script></scrip".repeat(300_000))).isEqualTo("</scrip");
        assertThat(HtmlText.toText(" ".repeat(1_000_000) + "x" + " \t".repeat(500_000))).isEqualTo("x");
        assertThat(HtmlText.toText("&#" + "9".repeat(1_000_000) + ";")).isEqualTo("\uFFFD");
        assertThat(HtmlText.toText("&" + "a".repeat(1_000_000)).length()).isEqualTo(1_000_001);
    }

    @Test
    void theTextIsCutAtTheLimit() {
        String html = "<p>" + "word ".repeat(HtmlText.MAX_CHARS / 4) + "</p>";
        assertThat(HtmlText.toText(html).length()).isLessThanOrEqualTo(HtmlText.MAX_CHARS);
    }

    @Test
    void referencesToNoCharacterBecomeTheReplacementCharacter() {
        assertThat(HtmlText.toText("<p>&#99999999999;</p>")).isEqualTo("\uFFFD");
        assertThat(HtmlText.toText("&#xFFFFFFFFF;|&#x110000;|&#xD800;|&#57343;|&#0;|&#x10FFFF;"))
                .isEqualTo("\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uFFFD|\uDBFF\uDFFF");
    }

    @Test
    void unterminatedOrUnknownReferencesStayText() {
        assertThat(HtmlText.toText("&#65 &#x; &bogus; &amp AT&T &#x41;")).isEqualTo("&#65 &#x; &bogus; &amp AT&T A");
        assertThat(HtmlText.toText("&#\u0664\u0662;")).as("only ASCII digits").isEqualTo("&#\u0664\u0662;");
    }

    @Test
    void commentsAndConditionalCommentsAreRemovedWhole() {
        assertThat(HtmlText.toText("a<!-- x > y -->b<!--[if mso]><p>mso</p><![endif]-->c")).isEqualTo("abc");
    }

    @Test
    void anUnclosedScriptKeepsTheTextAfterIt() {
        assertThat(HtmlText.toText("<p>one</p><script>two")).isEqualTo("one\ntwo");
    }

    @Test
    void elementsNamedLikeHiddenOnesAreNotHidden() {
        assertThat(HtmlText.toText("<header>top</header><p>body</p>")).isEqualTo("topbody");
        assertThat(HtmlText.toText("<SCRIPT type=x>a</script >b")).isEqualTo("b");
    }
}
