//! Runs the local customers API: `local-api --help` lists the options.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::http::HeaderValue;
use clap::Parser;
use local_api::faults::Faults;
use local_api::store::Store;
use local_api::{AppState, Pages, PricePlan, router, serve::serve, with_pages};
use tracing_subscriber::EnvFilter;

/// A local stand-in for the hosted customers API.
#[derive(Parser)]
#[command(version, about)]
struct Options {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:3000")]
    listen: SocketAddr,
    /// SQLite file to keep customers in; in memory (lost on exit) when not given.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Bearer token every request must carry. Read from the environment so that it never shows
    /// in the process list or shell history.
    #[arg(
        long = "token-from-env",
        env = "LOCAL_API_TOKEN",
        hide_env_values = true
    )]
    token: Option<String>,
    /// An origin allowed to call the API from a browser (repeatable), such as
    /// http://localhost:8080. No cross-origin access when not given.
    #[arg(long = "cors-origin")]
    cors_origins: Vec<HeaderValue>,
    /// A JSON file with the price plans: a list of {"name", "display_name", "description"}.
    #[arg(long)]
    price_plans: Option<PathBuf>,
    /// A price plan name (repeatable), added to those from --price-plans.
    #[arg(long = "price-plan")]
    price_plan_names: Vec<String>,
    /// A directory with the built form (trunk's dist/) to serve at /, with the API moved under
    /// /api/, so that one address is a working demo.
    #[arg(long)]
    form_dir: Option<PathBuf>,
    /// A directory with the example admin page, served at /example/ (moves the API under /api/).
    #[arg(long)]
    example_dir: Option<PathBuf>,
    /// A Content-Security-Policy header sent with every served page and file.
    #[arg(long)]
    content_security_policy: Option<HeaderValue>,
    /// Enables the /_test/ routes that inject faults and report request counts. Never on by
    /// default.
    #[arg(long)]
    enable_test_hooks: bool,
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(color)
        .init();
    let options = Options::parse();

    let mut price_plans: Vec<PricePlan> = match &options.price_plans {
        Some(path) => serde_json::from_str(&std::fs::read_to_string(path)?)?,
        None => Vec::new(),
    };
    price_plans.extend(options.price_plan_names.iter().map(|name| PricePlan {
        name: name.clone(),
        display_name: None,
        description: None,
    }));
    let state = AppState {
        store: Store::open(options.db.as_deref())?,
        price_plans: Arc::new(price_plans),
        token: options.token.as_deref().map(Arc::from),
        faults: options
            .enable_test_hooks
            .then(|| Arc::new(Faults::default())),
    };
    if state.faults.is_some() {
        tracing::warn!("test hooks enabled: /_test/ routes can make requests fail");
    }
    let mut app = router(state, &options.cors_origins);
    let pages = Pages {
        form_dir: options.form_dir.clone(),
        example_dir: options.example_dir.clone(),
        content_security_policy: options.content_security_policy.clone(),
    };
    let serves_pages = pages.form_dir.is_some() || pages.example_dir.is_some();
    if serves_pages {
        app = with_pages(app, &pages);
    }
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    let address = listener.local_addr()?;
    if serves_pages {
        tracing::info!("API at http://{address}/api/");
    } else {
        tracing::info!("customers API at http://{address}/");
    }
    if pages.form_dir.is_some() {
        tracing::info!("form at http://{address}/");
    }
    if pages.example_dir.is_some() {
        tracing::info!("example admin page at http://{address}/example/");
    }
    serve(listener, app, stop_signal()).await;
    Ok(())
}

/// Completes on Ctrl-C, or on SIGTERM where there is one (as `kill` and process managers send).
async fn stop_signal() {
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
    tracing::info!("stopping");
}
