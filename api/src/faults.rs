//! Fault injection for tests: the next create requests fail in a chosen way.
//!
//! Only present when the API is started with `--enable-test-hooks`; otherwise the control
//! routes do not exist and no request can ever be made to fail on purpose.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// How one create request is made to fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    /// Wait `delay_ms`, then answer normally: for timeouts and double-click tests.
    Delay,
    /// Answer `500` with the API's error envelope, creating nothing.
    ServerError,
    /// Answer `502` with an HTML page, as a failing proxy does, creating nothing.
    BadGatewayHtml,
    /// Answer `429` with `Retry-After`, creating nothing.
    RateLimited,
    /// Create the customer, then close the connection without answering: the response is
    /// lost on the way back, the case idempotency keys exist for.
    DropConnection,
    /// Create the customer, then answer `200` with a body cut off mid-JSON.
    MalformedJson,
}

/// A fault to apply to the next `times` create requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// What goes wrong.
    pub kind: FaultKind,
    /// How many requests in a row it applies to.
    #[serde(default = "one")]
    pub times: u32,
    /// For [`FaultKind::Delay`], how long to wait.
    #[serde(default)]
    pub delay_ms: u64,
}

fn one() -> u32 {
    1
}

/// The queue of faults still to apply, and a count of create requests for tests to read.
#[derive(Debug, Default)]
pub struct Faults {
    queue: Mutex<VecDeque<Fault>>,
    create_requests: AtomicU64,
}

impl Faults {
    /// Queues `fault` behind any already queued.
    pub fn push(&self, fault: Fault) {
        if fault.times > 0 {
            self.queue().push_back(fault);
        }
    }

    /// Forgets every queued fault and resets the request count.
    pub fn clear(&self) {
        self.queue().clear();
        self.create_requests.store(0, Ordering::SeqCst);
    }

    /// Counts one create request and returns the fault it must suffer, if any.
    pub fn next_for_create(&self) -> Option<Fault> {
        self.create_requests.fetch_add(1, Ordering::SeqCst);
        let mut queue = self.queue();
        let front = queue.front_mut()?;
        let fault = *front;
        front.times -= 1;
        if front.times == 0 {
            queue.pop_front();
        }
        Some(fault)
    }

    /// How many create requests arrived since start or the last [`Faults::clear`].
    pub fn create_requests(&self) -> u64 {
        self.create_requests.load(Ordering::SeqCst)
    }

    /// The faults still queued.
    pub fn pending(&self) -> Vec<Fault> {
        self.queue().iter().copied().collect()
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, VecDeque<Fault>> {
        self.queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_apply_in_order_the_given_number_of_times() {
        let faults = Faults::default();
        faults.push(Fault {
            kind: FaultKind::ServerError,
            times: 2,
            delay_ms: 0,
        });
        faults.push(Fault {
            kind: FaultKind::DropConnection,
            times: 1,
            delay_ms: 0,
        });
        let kinds: Vec<_> = (0..4)
            .map(|_| faults.next_for_create().map(|f| f.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                Some(FaultKind::ServerError),
                Some(FaultKind::ServerError),
                Some(FaultKind::DropConnection),
                None
            ]
        );
        assert_eq!(faults.create_requests(), 4);
        faults.clear();
        assert_eq!(faults.create_requests(), 0);
    }
}
