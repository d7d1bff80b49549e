package io.garagematch.applications.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The startup's contact person: personal data, erasable on request. */
public record Contact(
    @NotBlank @Size(max = 200) String name,
    @NotBlank
        @Size(max = 254)
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address")
        String email,
    @Size(max = 40)
        @Pattern(
            regexp = "\\+?[0-9][0-9 ()./-]{4,39}",
            message = "must be a phone number (digits, spaces, + ( ) . / -)")
        String phone) {}
