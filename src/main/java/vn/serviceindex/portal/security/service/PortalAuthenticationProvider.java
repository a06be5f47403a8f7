package vn.serviceindex.portal.security.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import vn.serviceindex.portal.base.database.SystemWork;

/**
 * The one check of a name and password, for the login form and HTTP Basic alike: first whether failures before it
 * make this attempt wait ({@link LoginThrottle}; no password is checked then), then the password
 * ({@link CredentialCache}), then whether the account is enabled. A failure is counted for the name and the
 * client's address.
 */
class PortalAuthenticationProvider implements AuthenticationProvider {

    /** The shape every account name has; anything else has no account and is counted under a digest. */
    private static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    private final PortalUserRepository users;
    private final LoginThrottle throttle;
    private final CredentialCache credentials;
    /** Nobody is known yet: the account and its roles are read past the walls, by name. */
    private final SystemWork systemWork;

    PortalAuthenticationProvider(PortalUserRepository users, LoginThrottle throttle, CredentialCache credentials,
                                 SystemWork systemWork) {
        this.users = users;
        this.systemWork = systemWork;
        this.throttle = throttle;
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        // Officials type on phones: "Admin " logs in as "admin".
        String username = authentication.getName() == null ? ""
                : authentication.getName().strip().toLowerCase(Locale.ROOT);
        boolean wellFormed = username.matches(USERNAME_PATTERN);
        String subject = wellFormed ? username : "~" + digest(username);
        Object given = authentication.getCredentials();
        String password = given == null ? "" : given.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;

        LoginThrottle.Standing standing = throttle.check(subject, address);
        if (standing.refusal() != null) {
            throw standing.refusal();
        }
        Optional<PortalUser> user = wellFormed
                ? systemWork.run("login lookup", () -> users.findByUsername(username)) : Optional.empty();
        if (!credentials.matches(subject, password, user.map(PortalUser::passwordHash).orElse(null))) {
            throttle.recordFailure(subject, address, user.orElse(null)).ifPresent(refusal -> {
                throw refusal;
            });
            throw new BadCredentialsException("wrong name or password");
        }
        PortalUser account = user.orElseThrow();
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        if (standing.accountFailures() > 0) {
            throttle.recordSuccess(subject);
        }
        return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(@Nullable String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The portal's only authentication manager: no other provider may check a password behind the throttle. */
    @Configuration(proxyBeanMethods = false)
    static class AuthenticationConfiguration {

        @Bean
        AuthenticationManager authenticationManager(PortalUserRepository users, LoginThrottle throttle,
                                                    CredentialCache credentials, SystemWork systemWork) {
            ProviderManager manager = new ProviderManager(
                    new PortalAuthenticationProvider(users, throttle, credentials, systemWork));
            // PortalUser carries the hash, which the session must keep for nothing; the token has no password.
            manager.setEraseCredentialsAfterAuthentication(true);
            return manager;
        }
    }
}
