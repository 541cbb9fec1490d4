package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MeteoLabTest {
    @Test
    void trains2014TestsOn2015() {
        MeteoLab.Result r = MeteoLab.run(7, 16, 12, 0);
        assertTrue(r.history().epochs() <= 12);
        assertEquals(r.history().epochs(), r.history().get("dev_loss").length);
        assertEquals(365, r.predicted().length);
        assertEquals(LocalDate.of(2015, 1, 1), r.testDates()[0]);
        assertEquals(LocalDate.of(2015, 12, 31), r.testDates()[364]);
        assertEquals(5.6, r.actual()[0], 1e-12);
        // Always answering 2014's mean temperature is off by about 6 °C; yesterday's value by 2.24 °C.
        double climatology = 0;
        for (double v : r.actual()) climatology += Math.abs(v - 16.995890410958904) / 365;
        assertTrue(climatology > 5, "climatology MAE " + climatology);
        assertEquals(2.24, r.persistenceMae(), 0.005);
        assertTrue(
                r.testMae() < 2.6,
                "test MAE " + r.testMae() + " °C after " + r.history().epochs() + " epochs\n" + r.history());
    }
}
