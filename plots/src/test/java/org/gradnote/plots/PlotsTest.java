package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlotsTest {

  @Test
  void setSinkReturnsPreviousAndNullRestoresFileSink() {
    ChartSink mine = c -> {};
    ChartSink before = Plots.setSink(mine);
    try {
      assertSame(mine, Plots.sink());
      assertSame(mine, Plots.setSink(null));
      assertInstanceOf(FileSink.class, Plots.sink());
    } finally {
      Plots.setSink(before);
    }
  }

  @Test
  void pointClassifierIsCalledOncePerGridCell() {
    AtomicInteger calls = new AtomicInteger();
    Plots.decisionBoundary(p -> {
          calls.incrementAndGet();
          return p[0] > 0 ? 1 : 0;
        })
        .range(-1, 1, -1, 1)
        .resolution(10)
        .build();
    assertEquals(100, calls.get());
  }

  @Test
  void batchClassifierIsCalledOnce() {
    AtomicInteger calls = new AtomicInteger();
    Plots.decisionBoundaryBatch(rows -> {
          calls.incrementAndGet();
          return new int[rows.length];
        })
        .range(-1, 1, -1, 1)
        .resolution(10)
        .build();
    assertEquals(1, calls.get());
  }

  @Test
  void flatImagesAreReshaped() {
    double[][] flat = {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}};
    Chart c = Plots.images(flat, 2, 3).build();
    Pixels.assertNotBlank(Pixels.decode(c.png(), c.width(), c.height()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Plots.images(flat, 2, 2));
    assertEquals("image grid (untitled): image 0 has 6 values but 2x2 needs 4", e.getMessage());
  }
}
