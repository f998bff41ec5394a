//! Customers and idempotency records in SQLite, on disk or in memory.

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use crate::error::ApiError;

/// How long an idempotency key is remembered, in seconds: Stripe keeps keys at least 24 hours.
pub const KEY_LIFETIME_SECS: i64 = 24 * 60 * 60;

/// The database behind the API. Cloning shares the one connection.
///
/// SQLite allows one writer at a time anyway, and a local stand-in serves a handful of requests,
/// so one connection behind a mutex is enough; every call runs on a blocking thread so that the
/// async runtime is never held up by disk I/O.
#[derive(Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
}

/// A response saved under an idempotency key, to be replayed for a retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedResponse {
    /// The HTTP status first answered.
    pub status: u16,
    /// The JSON body first answered.
    pub body: String,
}

/// What became of a request to create a customer.
#[derive(Debug, PartialEq, Eq)]
pub enum Created {
    /// The customer was stored; here is the customer as answered.
    New(Value),
    /// The key was seen before with the same body: the first answer, unchanged.
    Replayed(SavedResponse),
    /// A customer with that ID existed already.
    Duplicate,
}

/// One request to create a customer, as the store needs it.
pub struct NewRecord {
    /// The customer's ID.
    pub name: String,
    /// The customer as the API answers it.
    pub customer: Value,
    /// The request body exactly as received, kept for tests and for replay checks.
    pub request_body: String,
    /// The request's idempotency key, if it sent one.
    pub key: Option<String>,
    /// When the request arrived, as RFC 3339.
    pub created_at: String,
    /// When the request arrived, in seconds since the Unix epoch.
    pub now: i64,
}

const SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS customers (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        customer TEXT NOT NULL,
        request_body TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS idempotency_keys (
        key TEXT PRIMARY KEY,
        request_body TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );
";

impl Store {
    /// Opens (creating if needed) the database at `path`, or a fresh one in memory.
    ///
    /// On disk the database uses write-ahead logging with full syncs, so a customer the API
    /// acknowledged survives a crash or a kill as well as a clean restart.
    pub fn open(path: Option<&Path>) -> rusqlite::Result<Self> {
        let connection = match path {
            Some(path) => {
                let connection = Connection::open(path)?;
                connection.pragma_update(None, "journal_mode", "WAL")?;
                connection.pragma_update(None, "synchronous", "FULL")?;
                connection
            }
            None => Connection::open_in_memory()?,
        };
        connection.execute_batch(SCHEMA)?;
        Ok(Self {
            connection: Arc::new(Mutex::new(connection)),
        })
    }

    /// Runs `work` with the connection on a blocking thread.
    async fn with<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let connection = Arc::clone(&self.connection);
        tokio::task::spawn_blocking(move || work(&mut lock(&connection))).await?
    }

    /// The answer saved under `key`, if the key was used before. A key used with another body
    /// is refused, as Stripe refuses it.
    pub async fn replay(
        &self,
        key: String,
        body: String,
    ) -> Result<Option<SavedResponse>, ApiError> {
        self.with(move |connection| saved_response(connection, &key, &body))
            .await
    }

    /// Stores a new customer and, with it in one transaction, the answer under its key.
    ///
    /// The key is looked up again inside the transaction, so two concurrent requests with the
    /// same key create the customer once and the second replays the first's answer.
    pub async fn create(&self, record: NewRecord) -> Result<Created, ApiError> {
        self.with(move |connection| create(connection, record))
            .await
    }

    /// Every customer, oldest first.
    pub async fn list(&self) -> Result<Vec<Value>, ApiError> {
        self.with(|connection| {
            let mut statement =
                connection.prepare("SELECT customer FROM customers ORDER BY seq")?;
            let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
            let mut customers = Vec::new();
            for row in rows {
                customers.push(parse_stored(&row?));
            }
            Ok(customers)
        })
        .await
    }

    /// The customer with this ID, if there is one.
    pub async fn get(&self, name: String) -> Result<Option<Value>, ApiError> {
        self.with(move |connection| {
            let found: Option<String> = connection
                .query_row(
                    "SELECT customer FROM customers WHERE name = ?1",
                    [&name],
                    |row| row.get(0),
                )
                .optional()?;
            Ok(found.as_deref().map(parse_stored))
        })
        .await
    }

    /// The request body a customer was created from, exactly as it arrived.
    pub async fn request_body(&self, name: String) -> Result<Option<String>, ApiError> {
        self.with(move |connection| {
            let query = "SELECT request_body FROM customers WHERE name = ?1";
            Ok(connection
                .query_row(query, [&name], |row| row.get(0))
                .optional()?)
        })
        .await
    }
}

fn lock(connection: &Mutex<Connection>) -> MutexGuard<'_, Connection> {
    // A panic while holding the lock leaves SQLite itself consistent (it rolls back the open
    // transaction), so the connection is safe to keep using.
    connection
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn parse_stored(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn saved_response(
    connection: &Connection,
    key: &str,
    body: &str,
) -> Result<Option<SavedResponse>, ApiError> {
    let query = "SELECT request_body, status, response FROM idempotency_keys WHERE key = ?1";
    let found = connection
        .query_row(query, [key], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, u16>(1)?,
                row.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    match found {
        None => Ok(None),
        Some((first_body, _, _)) if first_body != body => Err(ApiError::KeyReused),
        Some((_, status, body)) => Ok(Some(SavedResponse { status, body })),
    }
}

fn create(connection: &mut Connection, record: NewRecord) -> Result<Created, ApiError> {
    let transaction = connection.transaction()?;
    let expired = record.now - KEY_LIFETIME_SECS;
    transaction.execute(
        "DELETE FROM idempotency_keys WHERE saved_at < ?1",
        [expired],
    )?;
    if let Some(key) = &record.key
        && let Some(saved) = saved_response(&transaction, key, &record.request_body)?
    {
        return Ok(Created::Replayed(saved));
    }
    let exists: bool = transaction.query_row(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE name = ?1)",
        [&record.name],
        |row| row.get(0),
    )?;
    let (created, status, response) = if exists {
        let (status, envelope) = ApiError::Duplicate(record.name.clone()).envelope();
        (
            Created::Duplicate,
            status.as_u16(),
            envelope.to_json().to_string(),
        )
    } else {
        let customer = record.customer.to_string();
        transaction.execute(
            "INSERT INTO customers (name, customer, request_body, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![
                record.name,
                customer,
                record.request_body,
                record.created_at
            ],
        )?;
        (Created::New(record.customer), 200, customer)
    };
    if let Some(key) = &record.key {
        transaction.execute(
            "INSERT INTO idempotency_keys (key, request_body, status, response, saved_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key, record.request_body, status, response, record.now],
        )?;
    }
    transaction.commit()?;
    Ok(created)
}
