package org.gradnote.plots.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {
  static class Exported {
    @Param
    static int epochs = 3;

    @Param
    static double lr = 0.1;

    @Param
    static String name = "x";

    static int notAParameter = 1;
  }

  @Test
  void setsTypedValues() {
    Parameters.apply(Exported.class, List.of("--epochs=7", "--lr=0.5", "--name=héllo"));
    assertEquals(7, Exported.epochs);
    assertEquals(0.5, Exported.lr);
    assertEquals("héllo", Exported.name);
  }

  @Test
  void unknownNamesAndWrongTypesAreErrors() {
    var unknown = assertThrows(
        IllegalArgumentException.class,
        () -> Parameters.apply(Exported.class, List.of("--notAParameter=2")));
    assertTrue(
        unknown.getMessage().startsWith("unknown parameter 'notAParameter'; parameters: --epochs="),
        unknown.getMessage());
    var wrong = assertThrows(
        IllegalArgumentException.class,
        () -> Parameters.apply(Exported.class, List.of("--epochs=many")));
    assertEquals("parameter 'epochs' needs a int, got 'many'", wrong.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Parameters.apply(Exported.class, List.of("epochs=2")));
  }
}
