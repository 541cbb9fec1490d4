package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Test helpers: decode rendered PNGs, look for colours in them, parse SVG output. */
public final class Pixels {

  private Pixels() {}

  /** Decodes PNG bytes and asserts the pixel size. */
  public static BufferedImage decode(byte[] png, int width, int height) {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
      assertNotNull(img, "not a decodable PNG");
      assertEquals(width, img.getWidth(), "width");
      assertEquals(height, img.getHeight(), "height");
      return img;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Number of pixels within {@code tolerance} (max channel difference) of {@code c}. */
  public static int count(BufferedImage img, Color c, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) <= tolerance
            && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) <= tolerance
            && Math.abs((rgb & 0xFF) - c.getBlue()) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  /** Asserts at least {@code min} pixels close to {@code c}. */
  public static void assertHasColor(BufferedImage img, Color c, int min, String what) {
    int n = count(img, c, 12);
    assertTrue(
        n >= min, what + ": expected >= " + min + " pixels of " + hex(c) + " but found " + n);
  }

  /** Asserts the image is mostly white background but has real content. */
  public static void assertNotBlank(BufferedImage img) {
    int total = img.getWidth() * img.getHeight();
    int white = count(img, Color.WHITE, 3);
    assertTrue(
        white > total * 0.2,
        "background should be white, white fraction " + (double) white / total);
    assertTrue(
        total - white > total * 0.01,
        "image looks blank: only " + (total - white) + " non-white pixels");
  }

  /** Parses an SVG document and returns the DOM; fails on malformed XML. */
  public static Document parseSvg(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
      assertEquals("svg", doc.getDocumentElement().getLocalName());
      return doc;
    } catch (Exception e) {
      throw new AssertionError("SVG is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** Number of elements with the given local name. */
  public static int countElements(Document doc, String localName) {
    return doc.getElementsByTagNameNS("*", localName).getLength();
  }

  /** True if some attribute (style/fill/stroke) in the SVG text mentions the colour. */
  public static boolean svgMentions(String svg, Color c) {
    String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    return svg.contains(rgb) || svg.toLowerCase().contains(hex(c).toLowerCase());
  }

  static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
