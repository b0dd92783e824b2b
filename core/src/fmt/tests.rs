//! End-to-end formatting tests; expectations recorded from Go 1.27.3.
