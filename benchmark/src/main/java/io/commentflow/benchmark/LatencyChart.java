package io.commentflow.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latency by percentile, one line per run, as HdrHistogram's plotter draws it: the x axis is log10(1/(1 − percentile)),
 * so 90%, 99%, 99.9%, 99.99% are evenly spaced and the tail is visible; the y axis is logarithmic too.
 */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(List<LoadResult> results, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1200).height(850)
                .title("commentflow latency by percentile")
                .xAxisTitle("percentile, in nines: 0 = 0%, 1 = 90%, 2 = 99%, 3 = 99.9%, 4 = 99.99%")
                .yAxisTitle("latency (ms)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(5.0);
        // (a tick-label formatting function would be nicer, but sends XChart 3.8.8's tick calculator into a loop)
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(0);
        for (LoadResult result : results) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            Histogram histogram = result.histogram();
            for (HistogramIterationValue v : histogram.percentiles(5)) {
                double percentile = v.getPercentileLevelIteratedTo() / 100.0;
                if (percentile >= 0.99999) {
                    break;
                }
                x.add(Math.log10(1 / (1 - percentile)));
                y.add(Math.max(0.01, histogram.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0));
            }
            if (x.size() > 1) {
                chart.addSeries(String.format(Locale.ROOT, "%s (p99 %.1f ms)", result.name(), result.millis(99)), x, y)
                        .setMarker(SeriesMarkers.NONE);
            }
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
