//! The database key and where it lives. Each database gets 32 random bytes, used as a raw
//! SQLCipher key (no passphrase derivation, so opening stays fast) and kept only in the OS
//! credential store (Windows Credential Manager, macOS Keychain, Secret Service on Linux
//! desktops, the kernel keyutils store where there is no desktop session). The same bytes,
//! written as a recovery key, are shown to the user once so a lost keychain entry is not a
//! lost database.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// The keychain "service" every DealDesk secret is filed under.
pub const KEYCHAIN_SERVICE: &str = "com.dealdesk.app";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("no credential store is available to keep the database key ({0}); on Linux without a desktop session run inside `keyctl session`")]
    StoreUnavailable(String),
    #[error("the credential store refused the request: {0}")]
    Store(String),
    #[error("'{0}' is not a recovery key (expected 64 hexadecimal digits, dashes and spaces allowed)")]
    BadRecoveryKey(String),
}

/// A secret store addressed by account name. The OS keychain in the app; memory in tests.
pub trait SecretStore: Send + Sync {
    fn get(&self, account: &str) -> Result<Option<String>, KeyError>;
    fn set(&self, account: &str, secret: &str) -> Result<(), KeyError>;
    fn delete(&self, account: &str) -> Result<(), KeyError>;
}

/// The 32 key bytes of one database.
#[derive(Clone, PartialEq, Eq)]
pub struct DbKey([u8; 32]);

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

impl DbKey {
    pub fn random() -> Result<Self, KeyError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| KeyError::Store(format!("no randomness: {e}")))?;
        Ok(Self(bytes))
    }

    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The value of `PRAGMA key`: a raw key literal, so SQLCipher skips PBKDF2.
    pub fn pragma_value(&self) -> String {
        format!("\"x'{}'\"", self.hex())
    }

    /// What the user writes down: 64 hex digits in groups of 8.
    pub fn recovery_text(&self) -> String {
        let hex = self.hex().to_uppercase();
        hex.as_bytes().chunks(8).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
    }

    /// Reads a recovery key (or the stored hex form), ignoring case, dashes and spaces.
    pub fn parse(text: &str) -> Result<Self, KeyError> {
        let cleaned: String = text.chars().filter(|c| !matches!(c, '-' | ' ' | '\t' | '\n' | '\r')).collect();
        let bytes = hex::decode(&cleaned).map_err(|_| KeyError::BadRecoveryKey(crate::validate::truncate(text)))?;
        let arr: [u8; 32] = bytes.try_into().map_err(|_| KeyError::BadRecoveryKey(crate::validate::truncate(text)))?;
        Ok(Self(arr))
    }
}

/// The keychain account of a database: one key per database file.
pub fn account_for(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    format!("database-key:{}", absolute.display())
}

/// The account of the key a database had before its last re-key (kept until the re-key is
/// confirmed, so a crash in between cannot lock the user out).
pub fn previous_account_for(path: &Path) -> String {
    format!("previous-{}", account_for(path))
}

/// The operating system's credential store through `keyring`.
pub struct OsKeychain;

impl OsKeychain {
    /// Chooses the store: the platform default; on Linux the Secret Service when a desktop
    /// session bus answers, else the kernel keyutils store.
    pub fn new() -> Self {
        #[cfg(target_os = "linux")]
        {
            let use_secret_service = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
                && keyring::secret_service::SsCredential::new_with_target(None, KEYCHAIN_SERVICE, "probe")
                    .and_then(|c| match keyring::credential::CredentialApi::get_password(&c) {
                        Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
                        Err(e) => Err(e),
                    })
                    .is_ok();
            if !use_secret_service {
                keyring::set_default_credential_builder(keyring::keyutils::default_credential_builder());
                tracing::info!("credential store: kernel keyutils (no Secret Service)");
            }
        }
        Self
    }

    fn entry(account: &str) -> Result<keyring::Entry, KeyError> {
        keyring::Entry::new(KEYCHAIN_SERVICE, account).map_err(store_error)
    }
}

impl Default for OsKeychain {
    fn default() -> Self {
        Self::new()
    }
}

fn store_error(e: keyring::Error) -> KeyError {
    match e {
        keyring::Error::PlatformFailure(inner) | keyring::Error::NoStorageAccess(inner) => KeyError::StoreUnavailable(inner.to_string()),
        other => KeyError::Store(other.to_string()),
    }
}

impl SecretStore for OsKeychain {
    fn get(&self, account: &str) -> Result<Option<String>, KeyError> {
        match Self::entry(account)?.get_password() {
            Ok(s) => Ok(Some(s)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(store_error(e)),
        }
    }

    fn set(&self, account: &str, secret: &str) -> Result<(), KeyError> {
        match Self::entry(account)?.set_password(secret) {
            Ok(()) => Ok(()),
            // keyutils answers "no entry" when there is no session keyring to write to.
            Err(keyring::Error::NoEntry) => Err(KeyError::StoreUnavailable("no keyring to write to".into())),
            Err(e) => Err(store_error(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<(), KeyError> {
        match Self::entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(store_error(e)),
        }
    }
}

/// A store in memory, for tests and for callers that must not touch the real keychain.
#[derive(Default)]
pub struct MemoryStore {
    secrets: Mutex<HashMap<String, String>>,
}

impl SecretStore for MemoryStore {
    fn get(&self, account: &str) -> Result<Option<String>, KeyError> {
        Ok(self.secrets.lock().unwrap_or_else(|p| p.into_inner()).get(account).cloned())
    }

    fn set(&self, account: &str, secret: &str) -> Result<(), KeyError> {
        self.secrets.lock().unwrap_or_else(|p| p.into_inner()).insert(account.to_string(), secret.to_string());
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<(), KeyError> {
        self.secrets.lock().unwrap_or_else(|p| p.into_inner()).remove(account);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_text_reads_back_to_the_same_key() {
        let key = DbKey::random().expect("random");
        let text = key.recovery_text();
        assert_eq!(text.len(), 64 + 7);
        assert_eq!(DbKey::parse(&text.to_lowercase()).expect("parses"), key);
        assert!(DbKey::parse("1234").is_err());
        assert!(DbKey::parse(&"zz".repeat(32)).is_err());
    }

    #[test]
    fn debug_output_never_shows_the_key() {
        let key = DbKey::random().expect("random");
        assert!(!format!("{key:?}").contains(&key.hex()[..8]));
    }
}
