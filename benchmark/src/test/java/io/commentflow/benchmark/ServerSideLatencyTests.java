package io.commentflow.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSideLatencyTests {

    private static String scrape(int fast, int slow) {
        String page = "exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/posts/{slug}\"";
        return """
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{error="none",%1$s,le="0.001"} %2$d
                http_server_requests_seconds_bucket{error="none",%1$s,le="0.004"} %3$d
                http_server_requests_seconds_bucket{error="none",%1$s,le="+Inf"} %3$d
                http_server_requests_seconds_bucket{error="none",exception="none",method="GET",outcome="SUCCESS",status="200",uri="/api/posts",le="0.001"} 5
                """.formatted(page, fast, fast + slow);
    }

    @Test
    void theP99OfTheViewsBetweenTwoScrapesIsTheUpperBoundOfItsBucket() {
        ServerSideLatency.Snapshot before = ServerSideLatency.parse(scrape(1_000, 0));

        assertThat(ServerSideLatency.parse(scrape(1_990, 10)).millisSince(before, 99)).isEqualTo(1.0);
        assertThat(ServerSideLatency.parse(scrape(1_980, 20)).millisSince(before, 99)).isEqualTo(4.0);
    }

    @Test
    void withoutTheHistogramThereIsNoFigure() {
        ServerSideLatency.Snapshot none = ServerSideLatency.parse("process_uptime_seconds 12.5\n");

        assertThat(none.millisSince(none, 99)).isNaN();
    }
}
