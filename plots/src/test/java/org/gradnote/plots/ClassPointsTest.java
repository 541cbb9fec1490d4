package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradnote.plots.internal.Check;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ClassPointsTest {

  @Test
  void splitsPointsPerClassKeepingEmptyClasses() {
    ClassPoints p = ClassPoints.fromRows(new double[][] {{0, 1}, {2, 3}}, new int[] {0, 2});
    p.validate(new Check("scatter plot", null));
    assertEquals(3, p.classCount());
    XYSeriesCollection ds = p.dataset(3, new String[] {"a", "b", "c"});
    assertEquals(3, ds.getSeriesCount());
    assertEquals(0, ds.getItemCount(1));
    assertEquals(2.0, ds.getXValue(2, 0));
    assertEquals("class 5", ClassPoints.className(5, null));
  }

  @Test
  void validationNamesTheChart() {
    ClassPoints p =
        new ClassPoints(new double[] {1, Double.NaN}, new double[] {1, 2}, new int[] {0, 0});
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> p.validate(new Check("scatter plot", "S")));
    assertEquals("scatter plot 'S': x has a non-finite value (NaN) at index 1", e.getMessage());
  }
}
