package org.triangulate.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.triangulate.TriangulateProperties;

/**
 * The people who may sign in to the analyst UI with a password, from the configuration: the one
 * account of {@code triangulate.web.username} (an analyst; its password from the environment, a
 * file, or a hash) and every entry of {@code triangulate.web.accounts} (bcrypt hashes only: plain
 * passwords do not belong in a configuration file). A problem aborts the start naming the key.
 * Stateless.
 */
final class WebAccounts {

  static final String ANALYST = "analyst";
  static final String VIEWER = "viewer";

  private static final PasswordEncoder ENCODER =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  private WebAccounts() {}

  static List<UserDetails> of(TriangulateProperties.Web web) {
    List<UserDetails> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    if (!web.username().isBlank()) {
      String password = passwordOf(web);
      // A password given as "{id}…" is already encoded; a plain one is hashed here, once.
      String encoded = isEncoded(password) ? password : ENCODER.encode(password);
      users.add(user(web.username(), encoded, ANALYST));
      names.add(web.username());
    }
    for (int i = 0; i < web.accounts().size(); i++) {
      TriangulateProperties.Account account = web.accounts().get(i);
      String key = "triangulate.web.accounts[" + i + "]";
      if (account.name() == null || account.name().isBlank()) {
        throw new IllegalStateException(key + ".name: every account needs a name");
      }
      if (!names.add(account.name())) {
        throw new IllegalStateException(
            key + ".name: '" + account.name() + "' is configured twice");
      }
      if (account.password() == null || !account.password().startsWith("{bcrypt}$2")) {
        throw new IllegalStateException(
            key
                + ".password: give a bcrypt hash ({bcrypt}$2a$…, made by ./triangulate"
                + " hash-password), never the password itself");
      }
      String role = account.role() == null ? "" : account.role().toLowerCase(Locale.ROOT);
      if (!role.equals(ANALYST) && !role.equals(VIEWER)) {
        throw new IllegalStateException(
            key + ".role: '" + account.role() + "' is neither analyst nor viewer");
      }
      users.add(user(account.name(), account.password(), role));
    }
    return users;
  }

  /** Spring Security's authorities of a role: an analyst may do all a viewer may. */
  static String[] rolesOf(String role) {
    return ANALYST.equals(role) ? new String[] {"ANALYST", "VIEWER"} : new String[] {"VIEWER"};
  }

  private static UserDetails user(String name, String encodedPassword, String role) {
    return User.withUsername(name).password(encodedPassword).roles(rolesOf(role)).build();
  }

  private static String passwordOf(TriangulateProperties.Web web) {
    if (!web.passwordFile().isBlank()) {
      Path file = Path.of(web.passwordFile());
      try {
        String password = Files.readString(file).strip();
        if (password.isEmpty()) {
          throw new IllegalStateException(
              "triangulate.web.password-file: " + file.toAbsolutePath() + " is empty");
        }
        return password;
      } catch (IOException e) {
        throw new IllegalStateException(
            "triangulate.web.password-file: cannot read " + file.toAbsolutePath(), e);
      }
    }
    if (web.password().isBlank()) {
      throw new IllegalStateException(
          "triangulate.web.password: triangulate.web.username is set but no password is"
              + " (TRIANGULATE_WEB_PASSWORD in the environment, or triangulate.web.password-file)");
    }
    return web.password();
  }

  private static boolean isEncoded(String password) {
    return password.matches("^\\{[a-z0-9]+}.+");
  }
}
