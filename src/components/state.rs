//! The form's shared state: the draft, and the problems shown for it.

use leptos::prelude::*;

use crate::domain::{CustomerDraft, DraftField, FieldErrors, suggest_customer_id};

/// One problem to show: at an input, or in the summary only when no input fits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The input it belongs to.
    pub field: Option<DraftField>,
    /// What to tell the admin.
    pub message: String,
}

/// A problem the server reported, with what the field held when it was sent, so the message
/// goes away as soon as the admin changes that field.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ServerProblem {
    problem: Problem,
    sent: String,
}

/// Where an input's text lives in the draft: a field that is sent, or a row's "Try a value"
/// sample, which is kept with the draft but never sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A field of the request.
    Field(DraftField),
    /// The sample typed into mapping row `i`'s tester.
    Sample(usize),
}

impl Slot {
    fn text(self, draft: &CustomerDraft) -> Option<&String> {
        match self {
            Slot::Field(field) => draft.text(field),
            Slot::Sample(row) => draft.measurement_mappings.get(row).map(|r| &r.sample),
        }
    }

    fn message(self, problems: &[Problem]) -> Option<String> {
        let Slot::Field(field) = self else {
            return None;
        };
        problems
            .iter()
            .find(|p| p.field == Some(field))
            .map(|p| p.message.clone())
    }
}

/// What one input shows, in signals of its own. The form writes them only when they change, so
/// a keystroke re-renders the input it changed and the messages it changed, and nothing else:
/// with 50 mapping rows, no other input so much as re-reads the draft.
#[derive(Clone, Copy)]
pub struct Shown {
    /// The text in the input.
    pub text: RwSignal<String>,
    /// The message at the input, after a submit.
    pub message: RwSignal<Option<String>>,
}

/// One input's signals, with what they were last given, so that telling whether they need a new
/// value reads no signal.
struct Binding {
    id: u64,
    slot: Slot,
    shown: Shown,
    text: String,
    message: Option<String>,
}

/// The inputs on screen, each with its [`Shown`] signals.
#[derive(Default)]
struct Bindings {
    next_id: u64,
    all: Vec<Binding>,
}

/// Everything the parts of one form share. `Copy`, so handlers can capture it freely.
#[derive(Clone, Copy)]
pub struct FormState {
    /// What the admin typed.
    pub draft: RwSignal<CustomerDraft>,
    /// Whether a submit was tried: no problem is shown before that.
    pub submitted: RwSignal<bool>,
    /// Whether the admin typed a customer ID of their own, which stops the suggestion.
    pub id_edited: RwSignal<bool>,
    server: RwSignal<Vec<ServerProblem>>,
    /// Every problem to show now, in the order the fields appear.
    pub problems: Memo<Vec<Problem>>,
    prefix: StoredValue<String>,
    bindings: StoredValue<Bindings>,
}

impl FormState {
    /// State for a form whose element ids start with `prefix`, holding `draft`.
    pub fn new(prefix: String, draft: CustomerDraft) -> Self {
        let id_edited =
            !draft.name.is_empty() && draft.name != suggest_customer_id(&draft.display_name);
        let draft = RwSignal::new(draft);
        let submitted = RwSignal::new(false);
        let server = RwSignal::new(Vec::<ServerProblem>::new());
        let problems = Memo::new(move |_| {
            if !submitted.get() {
                return Vec::new();
            }
            draft.with(|draft| server.with(|server| current_problems(draft, server)))
        });
        let bindings = StoredValue::new(Bindings::default());
        // The two places the draft and the problems fan out to the inputs: one subscriber each,
        // instead of one per input, which made every keystroke cost time in the number of rows
        // squared as hundreds of subscriptions were dropped and made again.
        Effect::new(move |_| {
            draft.with(|draft| {
                bindings.update_value(|b| {
                    for binding in &mut b.all {
                        if let Some(text) = binding.slot.text(draft)
                            && *text != binding.text
                        {
                            binding.text.clone_from(text);
                            binding.shown.text.set(text.clone());
                        }
                    }
                });
            });
        });
        Effect::new(move |_| {
            problems.with(|problems| {
                bindings.update_value(|b| {
                    for binding in &mut b.all {
                        let message = binding.slot.message(problems);
                        if message != binding.message {
                            binding.message.clone_from(&message);
                            binding.shown.message.set(message);
                        }
                    }
                });
            });
        });
        FormState {
            draft,
            submitted,
            id_edited: RwSignal::new(id_edited),
            server,
            problems,
            prefix: StoredValue::new(prefix),
            bindings,
        }
    }

    /// Signals for an input showing `slot`, kept current until the calling component is gone.
    pub fn bind(&self, slot: Slot) -> Shown {
        let text = self
            .draft
            .with_untracked(|d| slot.text(d).cloned().unwrap_or_default());
        let message = self.problems.with_untracked(|p| slot.message(p));
        let shown = Shown {
            text: RwSignal::new(text.clone()),
            message: RwSignal::new(message.clone()),
        };
        let bindings = self.bindings;
        let id = bindings
            .try_update_value(|b| {
                let id = b.next_id;
                b.next_id += 1;
                b.all.push(Binding {
                    id,
                    slot,
                    shown,
                    text,
                    message,
                });
                id
            })
            .unwrap_or_default();
        on_cleanup(move || {
            bindings.try_update_value(|b| {
                if let Some(at) = b.all.iter().position(|binding| binding.id == id) {
                    b.all.swap_remove(at);
                }
            });
        });
        shown
    }

    /// The element id of `field`'s input.
    pub fn id(&self, field: DraftField) -> String {
        format!("{}-{}", self.prefix.get_value(), field.slug())
    }

    /// An element id for a part of the form that is not an input, such as `summary`.
    pub fn part_id(&self, part: &str) -> String {
        format!("{}-{part}", self.prefix.get_value())
    }

    /// Stores what the admin typed into `field`. While the admin has not typed an ID of their
    /// own, a display name also fills in a suggested customer ID.
    pub fn set(&self, field: DraftField, value: String) {
        if field == DraftField::Name {
            self.id_edited.set(!value.is_empty());
        }
        let suggest = field == DraftField::DisplayName && !self.id_edited.get_untracked();
        self.draft.update(|draft| {
            if suggest {
                draft.name = suggest_customer_id(&value);
            }
            if let Some(slot) = draft.text_mut(field) {
                *slot = value;
            }
        });
    }

    /// Shows the server's problems with what was just sent.
    pub fn show_server_problems(&self, errors: &FieldErrors, sent: &CustomerDraft) {
        let problems = errors
            .iter()
            .map(|(path, message)| {
                let field = DraftField::for_path(path);
                let typed = field.map(|f| sent.value(f)).unwrap_or_default();
                let message = match field {
                    Some(_) => message.to_owned(),
                    None if path.is_root() => message.to_owned(),
                    None => format!("{path}: {message}"),
                };
                ServerProblem {
                    problem: Problem { field, message },
                    sent: typed,
                }
            })
            .collect();
        self.server.set(problems);
    }

    /// Forgets the server's problems, before a new submission.
    pub fn clear_server_problems(&self) {
        self.server.set(Vec::new());
    }

    /// The message to show at `field`, if any; it changes only when that message does.
    pub fn message_for(&self, field: DraftField) -> RwSignal<Option<String>> {
        self.bind(Slot::Field(field)).message
    }
}

/// The rules' problems with `draft`, then the server's that still apply, one per input.
fn current_problems(draft: &CustomerDraft, server: &[ServerProblem]) -> Vec<Problem> {
    let found: Vec<Problem> = match draft.validate() {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|(path, message)| Problem {
                field: DraftField::for_path(path),
                message: message.to_owned(),
            })
            .collect(),
    };
    let mut problems: Vec<Problem> = Vec::with_capacity(found.len());
    for problem in found {
        place(&mut problems, problem);
    }
    for reported in server {
        let field = reported.problem.field;
        let still_sent = field.is_none_or(|f| draft.value(f) == reported.sent);
        let already = field.is_some() && problems.iter().any(|p| p.field == field);
        if still_sent && !already {
            place(&mut problems, reported.problem.clone());
        }
    }
    problems
}

/// Puts `problem` among `problems` in the order the fields appear, after those of its own field.
///
/// Placed one by one rather than sorted: there are a few dozen at most, and the standard
/// library's sort costs kilobytes of wasm for every type it sorts.
fn place(problems: &mut Vec<Problem>, problem: Problem) {
    let position = |p: &Problem| p.field.map_or((usize::MAX, 0, 0), DraftField::position);
    let at = problems.partition_point(|placed| position(placed) <= position(&problem));
    problems.insert(at, problem);
}

/// The form state provided by the enclosing [`super::CustomerForm`].
pub fn use_form() -> FormState {
    use_context::<FormState>()
        .expect("FormState is provided by CustomerForm; form parts must be rendered inside it")
}
