package vn.serviceindex.portal.account.domain;

import java.util.Optional;

/** Passwords officials can type on a phone yet others cannot guess: 8 or more characters, letters and digits. */
public final class PasswordRule {

    public static final int MIN_LENGTH = 8;

    private PasswordRule() {
    }

    /** The message key of what is wrong with the password, if anything. */
    public static Optional<String> problem(String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("account.error.passwordTooShort");
        }
        if (password.length() > 128) {
            return Optional.of("account.error.passwordTooLong");
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        return letter && digit ? Optional.empty() : Optional.of("account.error.passwordNeedsLetterAndDigit");
    }
}
