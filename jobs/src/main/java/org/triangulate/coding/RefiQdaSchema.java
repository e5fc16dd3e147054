package org.triangulate.coding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The published REFI-QDA project schema ({@code refiqda/Project.xsd}, QDA-XML 1.0 of 2019; see the
 * README beside it), compiled once. Thread-safe: each check uses its own validator.
 */
public final class RefiQdaSchema {

  private static final String RESOURCE = "/refiqda/Project.xsd";
  private static final Schema SCHEMA = load();

  private RefiQdaSchema() {}

  /** Throws {@link IllegalStateException} naming line, column and rule when the XML is invalid. */
  public static void check(byte[] projectXml) {
    check(new ByteArrayInputStream(projectXml));
  }

  /** {@link #check(byte[])} reading the XML as it validates: any size in little memory. */
  public static void check(InputStream projectXml) {
    try {
      SCHEMA.newValidator().validate(new StreamSource(projectXml));
    } catch (SAXException e) {
      throw new IllegalStateException(
          "The REFI-QDA project is not valid against Project.xsd: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema load() {
    try (InputStream xsd = RefiQdaSchema.class.getResourceAsStream(RESOURCE)) {
      // The JDK's own implementation: another one on the classpath may ignore the limits below.
      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      // The schema is ours and self-contained: nothing outside it may be fetched.
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newSchema(new StreamSource(xsd, RESOURCE));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("Cannot load " + RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
