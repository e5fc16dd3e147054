package org.triangulate.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import picocli.CommandLine.Command;

/**
 * Turns a password into the bcrypt hash an account in {@code triangulate.web.accounts} holds. The
 * password is read from the terminal without echo (or from standard input), never taken as an
 * argument, which {@code ps} would show.
 */
@Command(
    name = "hash-password",
    mixinStandardHelpOptions = true,
    description =
        "Reads a password (typed without echo, or from standard input) and prints its bcrypt hash for triangulate.web.accounts[].password.")
public class HashPasswordCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    Console console = System.console();
    String password;
    if (console != null) {
      char[] typed = console.readPassword("Password: ");
      password = typed == null ? "" : new String(typed);
    } else {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      password = line == null ? "" : line;
    }
    if (password.isEmpty()) {
      System.err.println("triangulate: no password given");
      return 2;
    }
    System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
    return 0;
  }
}
