package org.triangulate.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Gives a person signed in by the institution's OpenID Connect provider a role: analyst when their
 * {@code preferred_username} or e-mail is listed in {@code triangulate.web.oidc.analysts}, viewer
 * otherwise. They go by their {@code preferred_username} (else the subject) in the audit log.
 * Thread-safe.
 */
final class OidcRoles extends OidcUserService {

  private final List<String> analysts;

  OidcRoles(List<String> analysts) {
    this.analysts = List.copyOf(analysts);
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    String role = roleOf(user.getPreferredUsername(), user.getEmail(), analysts);
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    for (String r : WebAccounts.rolesOf(role)) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + r));
    }
    String name = user.getPreferredUsername() != null ? "preferred_username" : "sub";
    return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), name);
  }

  static String roleOf(String preferredUsername, String email, List<String> analysts) {
    boolean analyst =
        (preferredUsername != null && analysts.contains(preferredUsername))
            || (email != null && analysts.stream().anyMatch(email::equalsIgnoreCase));
    return analyst ? WebAccounts.ANALYST : WebAccounts.VIEWER;
  }
}
