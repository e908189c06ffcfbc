package dev.cxm.examples.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

/**
 * Writes a {@link CxReport} as one self-contained HTML file: the tables and headline numbers through a Mustache
 * template (which escapes every value), the charts drawn by Apache ECharts, whose {@code echarts.min.js} is read
 * from its WebJar on the class path and inlined, with the charts' data as a JSON block (see {@link ChartData}).
 * The page loads nothing: it names no URL, and its Content-Security-Policy allows only its own inline script and
 * style, by their SHA-256 hashes ({@code default-src 'none'}), so that not even an injected {@code <img>} loads.
 */
public final class HtmlReport {

    private static final String RESOURCES = "dev/cxm/examples/report/";
    private static final String ECHARTS_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private final Mustache template;
    private final String style;
    private final String script;
    private final String echartsVersion;

    private HtmlReport() {
        this.template = new DefaultMustacheFactory().compile(reader(RESOURCES + "report.html.mustache"),
                "report.html");
        this.style = text(RESOURCES + "report.css");
        this.echartsVersion = webJarVersion();
        String echarts = text("META-INF/resources/webjars/echarts/" + echartsVersion + "/dist/echarts.min.js");
        this.script = requireInlineSafe(echarts + "\n" + text(RESOURCES + "report-charts.js"));
    }

    /**
     * Returns the renderer, with the template, the style and ECharts read from the class path.
     *
     * @return the renderer
     * @throws IllegalStateException when the ECharts WebJar or a resource of the report is not on the class path
     */
    public static HtmlReport create() {
        return new HtmlReport();
    }

    /**
     * Returns the report as one HTML document.
     *
     * @param report the report
     * @return the document
     */
    public String render(CxReport report) {
        StringWriter html = new StringWriter(script.length() + 200_000);
        write(report, html);
        return html.toString();
    }

    /**
     * Writes the report as one HTML document.
     *
     * @param report the report
     * @param out where it goes
     * @throws UncheckedIOException when the writer fails
     */
    public void write(CxReport report, Writer out) {
        HtmlView.Page page = HtmlView.of(report);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("csp", contentSecurityPolicy());
        scope.put("source", report.overview().source());
        scope.put("asOf", Numbers.instant(report.overview().asOf()));
        scope.put("generated", Numbers.instant(report.overview().generatedAt()));
        scope.put("version", cxmVersion());
        scope.put("population", page.population());
        scope.put("kpis", page.kpis());
        scope.put("sections", page.sections());
        scope.put("notes", page.notes());
        scope.put("hasNotes", page.hasNotes());
        scope.put("style", style);
        scope.put("data", ChartData.of(report));
        scope.put("script", script);
        scope.put("echartsVersion", echartsVersion);
        try {
            template.execute(out, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the page's Content-Security-Policy: nothing from anywhere ({@code default-src 'none'}) but its one
     * inline script and its one inline style, each by its hash; no base URL, no form target.
     *
     * @return the policy
     */
    public String contentSecurityPolicy() {
        return "default-src 'none'; script-src '" + sha256(script) + "'; style-src '" + sha256(style)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
    }

    /**
     * Returns the version of ECharts inlined.
     *
     * @return the version, such as {@code 5.3.1}
     */
    public String echartsVersion() {
        return echartsVersion;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Returns {@code script} when it can stand inside a {@code <script>} element: an end tag or a comment opener
     * in it would end the element early or change how the browser reads it.
     */
    static String requireInlineSafe(String script) {
        String lower = script.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("the report's script holds </script or <!--, which would break out of its"
                    + " script element; it cannot be inlined");
        }
        return script;
    }

    private static String webJarVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(ECHARTS_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String cxmVersion() {
        Properties properties = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("/dev/cxm/examples/cli/version.properties")) {
            if (in == null) {
                return "(unknown version)";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "(unknown version)");
    }

    private static InputStream resource(String name) {
        InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (the report needs cxm-examples' resources"
                    + " and the ECharts WebJar)");
        }
        return in;
    }

    private static Reader reader(String name) {
        return new InputStreamReader(resource(name), StandardCharsets.UTF_8);
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
