package io.commentflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTests {

    @Test
    void printsEachFigureBesideItsLimitWithTheRatioAndWhetherTheTargetIsMet(@TempDir Path dir) throws Exception {
        Report report = new Report();
        report.describe("mode", "quick");
        report.add(Report.Figure.of("comment-intake", "most comments accepted per second", 2_500, "/s")
                .limit("minimal endpoint, most 202/s", 10_000).target("≥ 5,000/s", false));
        report.add(Report.Figure.of("comment-intake", "p99 at 1,000/s", 12.5, "ms")
                .limit("minimal endpoint p99 at 1,000/s", 5).target("< 25 ms", true));
        report.add(Report.Figure.of("limits", "raw Kafka producer", 90_000, "rec/s"));
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            recorder.record(202, i * 10_000L);
        }
        report.latency(LatencyRecorder.merge("intake @1000/s", List.of(recorder), 1, 1000));
        report.note("something worth knowing");

        String markdown = ReportWriter.write(report, dir);

        assertThat(markdown)
                .contains("| comment-intake | most comments accepted per second | 2,500/s | minimal endpoint, most 202/s "
                        + "| 10,000/s | 0.25× | ≥ 5,000/s | **no** |")
                .contains("| comment-intake | p99 at 1,000/s | 12.5 ms | minimal endpoint p99 at 1,000/s | 5.00 ms "
                        + "| 2.50× | < 25 ms | yes |")
                .contains("| limits | raw Kafka producer | 90,000 rec/s |  |  |  |  |  |")
                .contains("| intake @1000/s | 1000 | 5.00 | 9.01 | 9.90 |")
                .contains("- something worth knowing");
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve(ReportWriter.JSON_FILE)));
        assertThat(json.path("figures").get(0).path("ratio").asDouble()).isEqualTo(0.25);
        assertThat(json.path("figures").get(0).path("met").asBoolean()).isFalse();
        assertThat(json.path("latencies").get(0).path("p99Millis").asDouble()).isEqualTo(9.9, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Files.size(dir.resolve(ReportWriter.CHART))).isPositive();
        assertThat(Files.readString(dir.resolve(ReportWriter.MARKDOWN))).isEqualTo(markdown);
    }
}
