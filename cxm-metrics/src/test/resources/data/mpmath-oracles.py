# How the DERL figures of ShiftedBetaGeometricTest were obtained: mpmath 1.3.0 (Python 3), 30 significant
# digits, independent of cxm's evaluation (an integral). Run: python3 mpmath-oracles.py
import mpmath as m

m.mp.dps = 30


def derl(alpha, beta, renewals, d):
    """Fader & Hardie (2010): (beta+n-1)/(alpha+beta+n-1) 2F1(1, beta+n; alpha+beta+n; 1/(1+d)), n = renewals+1."""
    n = renewals + 1
    return (beta + n - 1) / m.mpf(alpha + beta + n - 1) * m.hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + m.mpf(d)))


for args in [(0.5, 2, 0, 1e-7), (0.5, 2, 0, 1e-4), (0.668, 3.806, 4, 1e-6), (2.5, 0.3, 0, 1e-8),
             (3, 50, 9, 1e-6), (0.05, 0.1, 0, 1e-5), (0.704, 1.182, 2, 0.1)]:
    print(args, m.nstr(derl(*args), 20))
