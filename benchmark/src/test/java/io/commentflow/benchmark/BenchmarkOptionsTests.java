package io.commentflow.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTests {

    @Test
    void runsEveryScenarioByDefault() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0]);

        assertThat(BenchmarkOptions.SCENARIOS).allMatch(options::runs);
        assertThat(options.out()).isEqualTo(Path.of("benchmark-results"));
        assertThat(options.equalPriorities()).isFalse();
    }

    @Test
    void canRunThePipelineAtTheSamePriorityForAComparison() {
        assertThat(BenchmarkOptions.parse(new String[] {"--equal-priorities"}).equalPriorities()).isTrue();
    }

    @Test
    void onlyRunsTheNamedScenarios() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--quick", "--only", "post-page, notification"});

        assertThat(options.quick()).isTrue();
        assertThat(BenchmarkOptions.SCENARIOS.stream().filter(options::runs)).containsExactly("notification", "post-page");
    }

    @Test
    void spamFilterBringsIntakeAlongForItsBacklog() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--only", "spam-filter"});

        assertThat(BenchmarkOptions.SCENARIOS.stream().filter(options::runs)).containsExactly("intake", "spam-filter");
    }

    @Test
    void refusesAnUnknownScenarioNamingTheKnownOnes() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--only", "intake,smtp"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scenario smtp")
                .hasMessageContaining("post-page");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--only"}))
                .hasMessageContaining("--only needs scenarios");
    }
}
