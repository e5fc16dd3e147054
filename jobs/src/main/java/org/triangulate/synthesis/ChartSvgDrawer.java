package org.triangulate.synthesis;

import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.css.value.FontSpecification;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the packs' chart SVG straight into the PDF: rectangles, lines and circles as vector shapes,
 * text as text in the pack's embedded font (selectable, searchable, a few bytes a label). The
 * charts use a small part of SVG ({@link #ELEMENTS}: no paths, transforms or styles), so a general
 * SVG renderer is not needed; Batik, which drew every glyph as an outline, took about a third of a
 * pack's rendering. Anything outside that part fails the pack with the element's name, so a
 * template change cannot drop a chart's content unnoticed. Stateless; thread-safe.
 */
final class ChartSvgDrawer implements SVGDrawer {

  /** The SVG the pack template writes; {@code title} is a tooltip in the browser, not drawn. */
  static final Set<String> ELEMENTS = Set.of("svg", "g", "rect", "line", "circle", "text", "title");

  private static final Set<String> NOT_DRAWN = Set.of("transform", "style", "class", "opacity");

  @Override
  public SVGImage buildSVGImage(
      Element svg,
      Box box,
      CssContext css,
      double cssWidth,
      double cssHeight,
      double dotsPerPixel) {
    double[] viewBox = viewBox(svg);
    // Sizes from CSS are in dots; the chart keeps its proportions when only the width is set.
    double width = cssWidth >= 0 ? cssWidth : viewBox[2] * dotsPerPixel;
    double height = cssHeight >= 0 ? cssHeight : width * viewBox[3] / viewBox[2];
    return new Chart(svg, viewBox, width, height);
  }

  private static double[] viewBox(Element svg) {
    String[] parts = svg.getAttribute("viewBox").strip().split("[\\s,]+");
    if (parts.length == 4) {
      return new double[] {
        number(svg, "viewBox", parts[0]),
        number(svg, "viewBox", parts[1]),
        number(svg, "viewBox", parts[2]),
        number(svg, "viewBox", parts[3])
      };
    }
    return new double[] {0, 0, number(svg, "width"), number(svg, "height")};
  }

  @Override
  public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
    // Text is set in the document's own fonts, registered with the renderer.
  }

  @Override
  public void addFontFile(File file, String family, Integer weight, FontStyle style) {
    // As above.
  }

  @Override
  public void close() {}

  /** Inherited presentation attributes, as SVG passes them from a group to its children. */
  private record Paint(
      String family, double fontSize, String fontWeight, String fill, String anchor) {

    Paint under(Element e) {
      return new Paint(
          e.hasAttribute("font-family") ? e.getAttribute("font-family") : family,
          e.hasAttribute("font-size") ? number(e, "font-size") : fontSize,
          e.hasAttribute("font-weight") ? e.getAttribute("font-weight") : fontWeight,
          e.hasAttribute("fill") ? e.getAttribute("fill") : fill,
          e.hasAttribute("text-anchor") ? e.getAttribute("text-anchor") : anchor);
    }
  }

  private static final class Chart implements SVGImage {

    private final Element svg;
    private final double[] viewBox;
    private final double width;
    private final double height;

    Chart(Element svg, double[] viewBox, double width, double height) {
      this.svg = svg;
      this.viewBox = viewBox;
      this.width = width;
      this.height = height;
    }

    @Override
    public int getIntrinsicWidth() {
      return (int) width;
    }

    @Override
    public int getIntrinsicHeight() {
      return (int) height;
    }

    @Override
    public void drawSVG(OutputDevice device, RenderingContext context, double x, double y) {
      Canvas canvas =
          new Canvas(device, context, x, y, width / viewBox[2], height / viewBox[3], viewBox);
      canvas.children(svg, new Paint(PackPdf.FONT_FAMILY, 16, "normal", "#000000", "start"));
    }
  }

  /** One drawing of a chart: SVG user units to dots on the page. */
  private record Canvas(
      OutputDevice device,
      RenderingContext context,
      double left,
      double top,
      double scaleX,
      double scaleY,
      double[] viewBox) {

    double x(double svgX) {
      return left + (svgX - viewBox[0]) * scaleX;
    }

    double y(double svgY) {
      return top + (svgY - viewBox[1]) * scaleY;
    }

    void children(Element parent, Paint inherited) {
      for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element e) {
          draw(e, inherited.under(e));
        }
      }
    }

    private void draw(Element e, Paint paint) {
      String name = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
      if (!ELEMENTS.contains(name)) {
        throw new IllegalArgumentException("chart SVG: <" + name + "> is not drawn in the PDF");
      }
      for (String attribute : NOT_DRAWN) {
        if (e.hasAttribute(attribute)) {
          throw new IllegalArgumentException(
              "chart SVG: <" + name + " " + attribute + "> is not drawn in the PDF");
        }
      }
      switch (name) {
        case "g" -> children(e, paint);
        case "rect" -> {
          if (!fill(paint)) {
            return;
          }
          device.fill(
              new Rectangle2D.Double(
                  x(number(e, "x")),
                  y(number(e, "y")),
                  number(e, "width") * scaleX,
                  number(e, "height") * scaleY));
        }
        case "circle" -> {
          if (!fill(paint)) {
            return;
          }
          double r = number(e, "r");
          device.fill(
              new Ellipse2D.Double(
                  x(number(e, "cx") - r), y(number(e, "cy") - r), 2 * r * scaleX, 2 * r * scaleY));
        }
        case "line" -> {
          if (!e.hasAttribute("stroke") || e.getAttribute("stroke").equals("none")) {
            return;
          }
          device.setColor(color(e, e.getAttribute("stroke")));
          double strokeWidth = e.hasAttribute("stroke-width") ? number(e, "stroke-width") : 1;
          device.setStroke(new BasicStroke((float) (strokeWidth * scaleX)));
          device.draw(
              new Line2D.Double(
                  x(number(e, "x1")), y(number(e, "y1")), x(number(e, "x2")), y(number(e, "y2"))));
        }
        case "text" -> text(e, paint);
        default -> {
          // svg nested or title: nothing to draw
        }
      }
    }

    /** Sets the fill colour; false for {@code fill="none"}. */
    private boolean fill(Paint paint) {
      if (paint.fill().equals("none")) {
        return false;
      }
      device.setColor(color(null, paint.fill()));
      return true;
    }

    private void text(Element e, Paint paint) {
      String text = e.getTextContent().strip();
      if (text.isEmpty() || paint.fill().equals("none")) {
        return;
      }
      FontSpecification spec = new FontSpecification();
      spec.families = new String[] {paint.family()};
      spec.size = (float) (paint.fontSize() * scaleY);
      spec.fontWeight =
          paint.fontWeight().equals("bold") || paint.fontWeight().equals("700")
              ? IdentValue.FONT_WEIGHT_700
              : IdentValue.FONT_WEIGHT_400;
      spec.fontStyle = IdentValue.NORMAL;
      spec.variant = IdentValue.NORMAL;
      FSFont font = context.getFont(spec);
      double width = context.getTextRenderer().getWidth(context.getFontContext(), font, text);
      double at =
          switch (paint.anchor()) {
            case "middle" -> x(number(e, "x")) - width / 2;
            case "end" -> x(number(e, "x")) - width;
            default -> x(number(e, "x"));
          };
      device.setColor(color(e, paint.fill()));
      device.setFont(font);
      context.getTextRenderer().drawString(device, text, (float) at, (float) y(number(e, "y")));
    }
  }

  private static FSRGBColor color(Element e, String value) {
    if (value.length() == 7 && value.charAt(0) == '#') {
      return new FSRGBColor(Integer.parseInt(value.substring(1), 16));
    }
    throw new IllegalArgumentException(
        "chart SVG: colour '"
            + value
            + "'"
            + (e == null ? "" : " on <" + e.getTagName() + ">")
            + " is not #rrggbb");
  }

  private static double number(Element e, String attribute) {
    return number(e, attribute, e.getAttribute(attribute));
  }

  private static double number(Element e, String attribute, String value) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          "chart SVG: <" + e.getTagName() + " " + attribute + "=\"" + value + "\"> is not a number",
          ex);
    }
  }
}
