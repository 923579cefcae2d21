package org.zcp.webaccess;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the resources are one contract: every operation the resources serve is
 * in api/openapi.yaml and every operation there is served, so the document cannot drift from the
 * code.
 */
class OpenApiContractTest {
    static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class, "post",
            PATCH.class, "patch", DELETE.class, "delete", PUT.class, "put");

    @Test
    void everyServedOperationIsDocumentedAndNoOther() throws Exception {
        TreeSet<String> served = new TreeSet<>();
        try (var files = Files.walk(Paths.get("target/classes/org/zcp/webaccess"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String name = Paths.get("target/classes").relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
                Path base = c.getAnnotation(Path.class);
                if (base == null || c.getAnnotation(jakarta.ws.rs.ApplicationPath.class) != null) continue;
                for (Method m : c.getDeclaredMethods()) {
                    for (var e : METHODS.entrySet()) {
                        if (m.getAnnotation(e.getKey()) == null) continue;
                        Path sub = m.getAnnotation(Path.class);
                        String path = ("/" + base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/")
                                .replaceAll("/$", "");
                        served.add(e.getValue() + " " + path);
                    }
                }
            }
        }
        TreeSet<String> documented = new TreeSet<>();
        String yaml;
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = null;
        Matcher line = Pattern.compile("(?m)^(  (/\\S*):|    (get|post|patch|delete|put):)").matcher(yaml.substring(yaml.indexOf("\npaths:")));
        while (line.find()) {
            if (line.group(2) != null) path = line.group(2);
            else documented.add(line.group(3) + " " + path);
        }
        assertThat(served).as("operations served").isNotEmpty().contains("post /session", "get /folders/{id}/messages");
        assertThat(documented).as("documented in openapi.yaml").containsExactlyElementsOf(served);
    }
}
