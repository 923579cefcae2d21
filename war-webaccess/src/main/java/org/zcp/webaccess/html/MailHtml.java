package org.zcp.webaccess.html;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Mail HTML made safe to show (docs/webaccess.md, "Mail HTML never runs in the app's origin").
 * The first of two walls: an allow-list of elements and attributes (no script, no event handler,
 * no form, no frame, no SVG or MathML, no {@code javascript:} or {@code data:} link), CSS without
 * {@code expression()}, {@code behavior}, {@code @import} or remote {@code url()}, inline
 * {@code cid:} images made {@code data:} URIs, and remote images left out (counted) until the
 * reader allows them. The second wall is the client's frame: sandboxed without scripts or the
 * app's origin, with a policy that loads nothing remote unless allowed.
 */
public final class MailHtml {
    /** The sanitised HTML (a body fragment, with the message's style sheets first) and the remote images left out. */
    public record Result(String html, int remoteImages) {
    }

    private static final Pattern CSS_DANGER = Pattern.compile(
            "(?i)expression\\s*\\(|behaviou?r\\s*:|-moz-binding|javascript:|vbscript:|@import[^;]*;?|</");
    private static final Pattern CSS_URL = Pattern.compile("(?i)url\\s*\\(\\s*(['\"]?)([^)'\"]*)\\1\\s*\\)");
    private static final Pattern DATA_IMAGE = Pattern.compile("(?i)data:image/(png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\\s]+");
    private static final Safelist SAFE = safelist();

    private MailHtml() {
    }

    private static Safelist safelist() {
        Safelist s = Safelist.relaxed()
                .addTags("font", "center", "hr", "s", "del", "ins", "abbr", "address", "big", "tt", "small",
                        "section", "article", "header", "footer", "main", "nav", "figure", "figcaption", "mark",
                        "details", "summary", "wbr", "bdi", "bdo", "label")
                .addAttributes(":all", "style", "title", "dir", "lang", "align", "valign", "width", "height")
                .addAttributes("font", "color", "face", "size")
                .addAttributes("table", "bgcolor", "border", "cellpadding", "cellspacing", "frame", "rules")
                .addAttributes("td", "bgcolor", "nowrap")
                .addAttributes("th", "bgcolor", "nowrap")
                .addAttributes("tr", "bgcolor")
                .addAttributes("img", "border", "hspace", "vspace")
                .addAttributes("hr", "size", "noshade", "color")
                .removeProtocols("img", "src", "http", "https")
                .addProtocols("img", "src", "http", "https", "data")
                .removeProtocols("a", "href", "ftp")
                .addEnforcedAttribute("a", "rel", "noopener noreferrer")
                .addEnforcedAttribute("a", "target", "_blank");
        s.preserveRelativeLinks(false);
        return s;
    }

    /**
     * @param html the message's HTML as stored (PR_HTML)
     * @param inline a {@code cid:} content id (without "cid:") to a {@code data:} URI of the inline
     *     image, or null when there is none (the image is then left out)
     * @param remote whether remote images and backgrounds may load (the reader allowed them)
     */
    public static Result sanitize(String html, Function<String, String> inline, boolean remote) {
        Document dirty = Jsoup.parse(html == null ? "" : html);
        int[] remoteImages = {0};
        StringBuilder sheets = new StringBuilder();
        for (Element style : dirty.select("style")) {
            sheets.append(css(style.data(), remote, remoteImages)).append('\n');
        }
        for (Element img : dirty.select("img")) {
            String src = img.attr("src").strip();
            String lower = src.toLowerCase(Locale.ROOT);
            if (lower.startsWith("cid:")) {
                String data = inline.apply(src.substring(4).replaceAll("^<|>$", ""));
                if (data != null) img.attr("src", data);
                else img.removeAttr("src");
            } else if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
                remoteImages[0]++;
                if (!remote) {
                    img.removeAttr("src");
                    img.attr("data-blocked", "");
                } else if (lower.startsWith("//")) {
                    img.attr("src", "https:" + src);
                }
            } else if (!DATA_IMAGE.matcher(src).matches()) {
                img.removeAttr("src");
            }
            img.removeAttr("srcset");
        }
        for (Element e : dirty.select("[background]")) {
            remoteImages[0]++;
            e.removeAttr("background");
        }
        Document clean = new Cleaner(SAFE).clean(dirty);
        for (Element e : clean.select("[style]")) {
            String css = css(e.attr("style"), remote, remoteImages);
            if (css.isBlank()) e.removeAttr("style");
            else e.attr("style", css);
        }
        clean.outputSettings().prettyPrint(false);
        String body = clean.body().html();
        String prefix = sheets.isEmpty() ? "" : "<style>" + sheets + "</style>";
        return new Result(prefix + body, remoteImages[0]);
    }

    /** A style sheet or style attribute without script-like constructs or, unless allowed, remote loads. */
    static String css(String css, boolean remote, int[] remoteImages) {
        String out = CSS_DANGER.matcher(css).replaceAll("");
        var m = CSS_URL.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String url = m.group(2).strip();
            String lower = url.toLowerCase(Locale.ROOT);
            String keep;
            if (DATA_IMAGE.matcher(url).matches()) {
                keep = "url(\"" + url.replaceAll("\\s", "") + "\")";
            } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
                remoteImages[0]++;
                keep = remote ? "url(\"" + url.replace("\"", "%22") + "\")" : "none";
            } else {
                keep = "none";
            }
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(keep));
        }
        m.appendTail(b);
        return b.toString();
    }
}
