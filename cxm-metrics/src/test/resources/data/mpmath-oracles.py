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


# How the Gamma-Gamma log-likelihood of GammaGammaTest was obtained: Fader & Hardie (2013), the sum over the
# 946 repeat buyers of cdnow_customers_summary_with_transactions.csv at p, q, v = 6.25, 3.74, 15.44 (the
# published estimates, 2 d.p.) of
#   lnG(px+q) - lnG(px) - lnG(q) + q ln v + (px-1) ln z + px ln x - (px+q) ln(xz+v).
def gamma_gamma_log_likelihood(p, q, v, path='cdnow_customers_summary_with_transactions.csv'):
    total = m.mpf(0)
    with open(path) as rows:
        next(rows)
        for row in rows:
            _, x, _, _, z = row.strip().split(',')
            x, z = int(x), m.mpf(z)
            if x == 0:
                continue
            px = p * x
            total += (m.loggamma(px + q) - m.loggamma(px) - m.loggamma(q) + q * m.log(v) + (px - 1) * m.log(z)
                      + px * m.log(x) - (px + q) * m.log(x * z + v))
    return total


print('gamma-gamma', m.nstr(gamma_gamma_log_likelihood(m.mpf('6.25'), m.mpf('3.74'), m.mpf('15.44')), 15))
