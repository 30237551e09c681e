# statistics: covariance, correlation and linear_regression (plain and
# proportional), on ints and floats, and their errors.
from statistics import correlation, covariance, linear_regression


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
show('covariance x y', lambda: covariance(x, y))
show('covariance z x', lambda: covariance(z, x))
show('covariance floats', lambda: covariance([0.1, 0.7, 1.9, 2.3], [5.5, 3.25, 1.0, 0.125]))
show('correlation x x', lambda: correlation(x, x))
show('correlation x z', lambda: correlation(x, z))
show('correlation x y', lambda: correlation(x, y))
show('correlation floats', lambda: correlation([0.1, 0.7, 1.9, 2.3], [5.5, 3.25, 1.0, 0.125]))
show('correlation 3', lambda: correlation([1, 2, 3], [1, 2, 4]))

lr = linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11])
print('lr', lr, lr.slope, lr.intercept, type(lr).__name__)
slope, intercept = lr
print('unpacked', slope, intercept, lr[0], lr[1], len(lr), tuple(lr))
show('linear_regression', lambda: linear_regression([1, 2, 3], [2, 4, 7]))
show('linear_regression prop', lambda: linear_regression([1, 2, 3], [2, 4, 7], proportional=True))
year = [1971, 1975, 1979, 1982, 1983]
films = [1, 2, 3, 4, 5]
show('films', lambda: linear_regression(year, films))
show('floats', lambda: linear_regression([0.5, 1.25, 2.0, 3.75], [1.0, 2.5, 2.75, 5.0]))
show('floats prop', lambda: linear_regression([0.5, 1.25, 2.0, 3.75], [1.0, 2.5, 2.75, 5.0], proportional=True))

# errors
show('covariance one', lambda: covariance([1], [1]))
show('covariance lengths', lambda: covariance([1, 2], [1]))
show('correlation one', lambda: correlation([1], [2]))
show('correlation lengths', lambda: correlation([1, 2, 3], [1, 2]))
show('correlation constant', lambda: correlation([1, 1], [1, 2]))
show('correlation constant y', lambda: correlation([1, 2], [3, 3]))
show('linear_regression constant', lambda: linear_regression([1, 1], [1, 2]))
show('linear_regression one', lambda: linear_regression([1], [2]))
show('linear_regression lengths', lambda: linear_regression([1, 2], [1, 2, 3]))
show('linear_regression prop zeros', lambda: linear_regression([0, 0], [1, 2], proportional=True))
