package dev.lplogin.adapter.storage;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one record: a fresh random 12-byte IV per write, a 128-bit tag, and associated data that binds the
 * ciphertext to its session key so that encrypted files cannot be swapped between keys unnoticed.
 */
final class RecordCipher {

    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An IV and the ciphertext (with its tag appended) it goes with. */
    record Sealed(byte[] iv, byte[] ciphertext) {
    }

    private RecordCipher() {
    }

    static Sealed seal(EncryptionKey key, byte[] plaintext, byte[] associatedData) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            return new Sealed(iv, cipher(Cipher.ENCRYPT_MODE, key, iv, associatedData).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is in every JDK", e);
        }
    }

    /** The plaintext, or empty if the tag does not verify: a wrong key, or the file was modified. */
    static Optional<byte[]> open(EncryptionKey key, Sealed sealed, byte[] associatedData) {
        try {
            return Optional.of(cipher(Cipher.DECRYPT_MODE, key, sealed.iv(), associatedData)
                    .doFinal(sealed.ciphertext()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is in every JDK", e);
        }
    }

    private static Cipher cipher(int mode, EncryptionKey key, byte[] iv, byte[] associatedData)
            throws GeneralSecurityException {
        // Cipher objects are not thread-safe, and GCM must never reuse an IV: a new one per call
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
