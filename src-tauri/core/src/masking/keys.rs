//! The pseudonymisation key: 32 random bytes kept in the OS credential store under their own
//! account (never in the database or a file), from which the keyed-hash key and the token
//! key are derived. Keyed hashes are stable across runs (joins on masked data still work);
//! tokens are XChaCha20-Poly1305 ciphertexts that only the key's holder can reveal.

use super::kinds::PiiKind;
use crate::error::{CoreError, CoreResult};
use crate::store::key::{KeyError, SecretStore};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The credential-store account of the pseudonymisation key.
pub const KEY_ACCOUNT: &str = "pseudonymisation-key";
pub const TOKEN_PREFIX: &str = "tok:";
const TOKEN_AAD: &[u8] = b"dealdesk-token-v1";

#[derive(Clone, PartialEq, Eq)]
pub struct MaskingKeys {
    hash: [u8; 32],
    token: [u8; 32],
}

impl std::fmt::Debug for MaskingKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MaskingKeys(…)")
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail; an empty MAC would never match.
    match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(mut mac) => {
            for p in parts {
                mac.update(p);
            }
            mac.finalize().into_bytes().into()
        }
        Err(_) => [0; 32],
    }
}

impl MaskingKeys {
    /// Derives the hash and token keys from a master key (any length; 32 random bytes in use).
    pub fn from_master(master: &[u8]) -> Self {
        Self { hash: hmac(master, &[b"dealdesk keyed hash"]), token: hmac(master, &[b"dealdesk token"]) }
    }

    /// HMAC-SHA256 of the kind and the normalised value, as 64 hex digits: `138-1234-5678`
    /// and `+86 13812345678` hash alike, e-mails ignore case.
    pub fn hash(&self, kind: PiiKind, value: &str) -> String {
        let normal = normalise_for_hash(kind, value);
        hex::encode(hmac(&self.hash, &[kind.code().as_bytes(), b":", normal.as_bytes()]))
    }

    pub fn token(&self, value: &str) -> CoreResult<String> {
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| CoreError::Key(KeyError::Store(format!("no randomness: {e}"))))?;
        let cipher = self.cipher()?;
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: value.as_bytes(), aad: TOKEN_AAD })
            .map_err(|_| CoreError::BadRequest("the value could not be tokenised".into()))?;
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        Ok(format!("{TOKEN_PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// The value a token stands for; an altered token or another key is refused.
    pub fn reveal(&self, token: &str) -> CoreResult<String> {
        let refused = || CoreError::BadRequest("not a token of this key (altered, truncated, or made with another key)".into());
        let body = token.trim().strip_prefix(TOKEN_PREFIX).ok_or_else(refused)?;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(body).map_err(|_| refused())?;
        if bytes.len() < 24 + 16 {
            return Err(refused());
        }
        let (nonce, sealed) = bytes.split_at(24);
        let clear = self.cipher()?.decrypt(XNonce::from_slice(nonce), Payload { msg: sealed, aad: TOKEN_AAD }).map_err(|_| refused())?;
        String::from_utf8(clear).map_err(|_| refused())
    }

    fn cipher(&self) -> CoreResult<XChaCha20Poly1305> {
        XChaCha20Poly1305::new_from_slice(&self.token).map_err(|_| CoreError::BadRequest("bad token key length".into()))
    }
}

pub(crate) fn normalise_for_hash(kind: PiiKind, value: &str) -> String {
    let v = value.trim();
    match kind {
        PiiKind::Mobile => {
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            digits.strip_prefix("0086").or_else(|| digits.strip_prefix("86").filter(|r| r.len() == 11)).unwrap_or(&digits).to_string()
        }
        PiiKind::Landline | PiiKind::BankCard | PiiKind::ResidentId15 => v.chars().filter(char::is_ascii_alphanumeric).collect(),
        PiiKind::ResidentId | PiiKind::Uscc | PiiKind::Passport => v.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_uppercase(),
        PiiKind::Email | PiiKind::Ipv6 => v.to_lowercase(),
        _ => v.to_string(),
    }
}

/// The pseudonymisation key from the credential store, created (32 random bytes) on first use.
pub fn get_or_create(store: &dyn SecretStore) -> CoreResult<MaskingKeys> {
    if let Some(hex_key) = store.get(KEY_ACCOUNT)? {
        let bytes = hex::decode(hex_key.trim()).ok().filter(|b| b.len() == 32);
        let bytes = bytes.ok_or_else(|| KeyError::Store(format!("the '{KEY_ACCOUNT}' entry of the credential store is not a 32-byte key")))?;
        return Ok(MaskingKeys::from_master(&bytes));
    }
    let mut master = [0u8; 32];
    getrandom::fill(&mut master).map_err(|e| KeyError::Store(format!("no randomness: {e}")))?;
    store.set(KEY_ACCOUNT, &hex::encode(master))?;
    Ok(MaskingKeys::from_master(&master))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::key::MemoryStore;

    #[test]
    fn the_key_is_created_once_and_read_back() {
        let store = MemoryStore::default();
        let first = get_or_create(&store).expect("created");
        let again = get_or_create(&store).expect("read back");
        assert_eq!(first, again);
        assert_eq!(first.hash(PiiKind::Mobile, "13812345678"), again.hash(PiiKind::Mobile, "13812345678"));
        assert!(!format!("{first:?}").contains(&hex::encode(&first.hash[..4])));
    }

    #[test]
    fn hashes_are_stable_and_ignore_formatting() {
        let k = MaskingKeys::from_master(&[7; 32]);
        let h = k.hash(PiiKind::Mobile, "13812345678");
        assert_eq!(h.len(), 64);
        assert_eq!(h, k.hash(PiiKind::Mobile, "+86 138-1234-5678"));
        assert_ne!(h, MaskingKeys::from_master(&[8; 32]).hash(PiiKind::Mobile, "13812345678"));
        assert_eq!(k.hash(PiiKind::Email, "Zhang@Example.com"), k.hash(PiiKind::Email, "zhang@example.com"));
    }

    #[test]
    fn tokens_reveal_with_their_key_only() {
        let k = MaskingKeys::from_master(&[1; 32]);
        let t = k.token("11010519491231002X").expect("token");
        assert!(t.starts_with(TOKEN_PREFIX));
        assert_eq!(k.reveal(&t).expect("reveal"), "11010519491231002X");
        assert!(MaskingKeys::from_master(&[2; 32]).reveal(&t).is_err());
        let mut altered = t.clone();
        altered.pop();
        altered.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(k.reveal(&altered).is_err());
        assert!(k.reveal("tok:").is_err());
    }
}
