//! The GMP scheduler (runtime/proc.go).

/// A goroutine id, as Go prints it (`goroutine 1 [running]`).
pub type GId = u64;
