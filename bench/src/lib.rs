//! Holds only the criterion benchmark in `benches/`; see `make bench-native`.
