package com.example.compliance.jira.internal;

import org.jasypt.encryption.StringEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts tokens before they reach the database and decrypts them only for the outgoing Atlassian call. jasypt's
 * PBEWITHHMACSHA512ANDAES_256 with a random salt and IV per value: the same token never encrypts to the same text.
 */
@Component
class TokenCipher {

    private final StringEncryptor encryptor;

    TokenCipher(StringEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    String encrypt(String token) {
        return token == null ? null : encryptor.encrypt(token);
    }

    String decrypt(String ciphertext) {
        return ciphertext == null ? null : encryptor.decrypt(ciphertext);
    }
}
