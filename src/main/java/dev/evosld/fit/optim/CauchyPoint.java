package dev.evosld.fit.optim;

/**
 * The generalized Cauchy point (Byrd, Lu, Nocedal, Zhu 1995, section 4): the first local minimizer of
 * the quadratic model m(x) = f + gᵀ(x − x<sub>k</sub>) + ½ (x − x<sub>k</sub>)ᵀ B (x − x<sub>k</sub>)
 * along the projected steepest-descent path x(t) = P(x<sub>k</sub> − t g).
 *
 * <p>The path is piecewise linear with a kink wherever a variable reaches a bound. The breakpoints are
 * visited in increasing order from a binary heap, because the minimizer usually lies within the first
 * few segments and a full sort would be wasted. On each segment the model's first and second
 * derivatives f′ and f″ are updated in O(k²) from the previous segment's, never recomputed from
 * scratch; this needs p = Wᵀd and c = Wᵀ(x(t) − x<sub>k</sub>), both kept in W space.
 *
 * <p>Afterwards {@link #cauchyStep()} holds c = Wᵀ(x<sup>c</sup> − x<sub>k</sub>), which the subspace
 * minimization reuses.
 */
final class CauchyPoint {

    private final int dimension;
    private final double[] breakpoints;
    private final double[] direction;
    private final int[] heap;
    /** p = Wᵀ d for the current direction d. */
    private final double[] wDirection;
    /** c = Wᵀ (x(t) − x_k). */
    private final double[] wStep;
    private final double[] wRow;
    private final double[] middleTimes;

    CauchyPoint(int dimension, int memory) {
        this.dimension = dimension;
        this.breakpoints = new double[dimension];
        this.direction = new double[dimension];
        this.heap = new int[dimension];
        this.wDirection = new double[2 * memory];
        this.wStep = new double[2 * memory];
        this.wRow = new double[2 * memory];
        this.middleTimes = new double[2 * memory];
    }

    /** c = Wᵀ(x<sup>c</sup> − x<sub>k</sub>) from the last {@link #compute} call. */
    double[] cauchyStep() {
        return wStep;
    }

    /**
     * Writes the generalized Cauchy point into {@code cauchy}. Requires a nonzero projected gradient.
     */
    void compute(double[] x, double[] gradient, double[] lower, double[] upper, LimitedMemory memory,
                 double[] cauchy) {
        int n = dimension;
        int w = 2 * memory.size();
        double theta = memory.theta();

        int heapSize = 0;
        int moving = 0;
        double directionSquared = 0;
        for (int i = 0; i < n; i++) {
            double g = gradient[i];
            double t;
            if (g < 0) {
                t = (upper[i] - x[i]) / -g;
            } else if (g > 0) {
                t = (x[i] - lower[i]) / g;
            } else {
                t = Double.POSITIVE_INFINITY;
            }
            breakpoints[i] = t;
            cauchy[i] = x[i];
            if (t == 0 || g == 0) {
                // Already at the bound the gradient pushes against, or stationary: not on the path.
                direction[i] = 0;
            } else {
                direction[i] = -g;
                directionSquared += g * g;
                moving++;
                if (t < Double.POSITIVE_INFINITY) {
                    heap[heapSize++] = i;
                }
            }
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i, heapSize);
        }

        memory.multiplyWTransposed(direction, wDirection);
        for (int j = 0; j < w; j++) {
            wStep[j] = 0;
        }
        double slope = -directionSquared;
        memory.multiplyMiddle(wDirection, middleTimes);
        double curvature = theta * directionSquared - SmallDense.dot(wDirection, middleTimes, w);
        // B is positive definite, so the curvature can only fail to be positive through rounding;
        // bounding it below keeps the step finite (as the Fortran code does with epsmch · f″₀).
        double minimumCurvature = Math.ulp(1.0) * Math.abs(curvature);
        curvature = Math.max(curvature, minimumCurvature);
        double stepToMinimum = curvature > 0 ? -slope / curvature : 0;
        double segmentStart = 0;

        while (heapSize > 0 && moving > 0) {
            int b = heap[0];
            double segmentLength = breakpoints[b] - segmentStart;
            if (stepToMinimum < segmentLength) {
                break;
            }
            heap[0] = heap[--heapSize];
            siftDown(0, heapSize);

            double g = gradient[b];
            double bound = direction[b] > 0 ? upper[b] : lower[b];
            double distance = bound - x[b];
            cauchy[b] = bound;
            for (int j = 0; j < w; j++) {
                wStep[j] += segmentLength * wDirection[j];
            }
            segmentStart = breakpoints[b];
            direction[b] = 0;
            moving--;

            memory.rowOfW(b, wRow);
            memory.multiplyMiddle(wRow, middleTimes);
            double rowMStep = SmallDense.dot(middleTimes, wStep, w);
            double rowMDirection = SmallDense.dot(middleTimes, wDirection, w);
            double rowMRow = SmallDense.dot(middleTimes, wRow, w);
            slope += segmentLength * curvature + g * g + theta * g * distance - g * rowMStep;
            curvature += -theta * g * g - 2 * g * rowMDirection - g * g * rowMRow;
            curvature = Math.max(curvature, minimumCurvature);
            for (int j = 0; j < w; j++) {
                wDirection[j] += g * wRow[j];
            }
            if (moving == 0 || slope >= 0) {
                stepToMinimum = 0;
                break;
            }
            stepToMinimum = curvature > 0 ? -slope / curvature : 0;
        }

        stepToMinimum = Math.max(stepToMinimum, 0);
        if (moving == 0) {
            stepToMinimum = 0;
        }
        double t = segmentStart + stepToMinimum;
        for (int i = 0; i < n; i++) {
            if (direction[i] != 0) {
                // Rounding may carry a variable a hair past the bound it was about to reach.
                cauchy[i] = Math.min(upper[i], Math.max(lower[i], x[i] + t * direction[i]));
            }
        }
        for (int j = 0; j < w; j++) {
            wStep[j] += stepToMinimum * wDirection[j];
        }
    }

    private void siftDown(int position, int heapSize) {
        int item = heap[position];
        while (true) {
            int child = 2 * position + 1;
            if (child >= heapSize) {
                break;
            }
            int right = child + 1;
            if (right < heapSize && less(heap[right], heap[child])) {
                child = right;
            }
            if (!less(heap[child], item)) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = item;
    }

    /** Orders by breakpoint, ties by index, so that the visiting order never depends on heap layout. */
    private boolean less(int a, int b) {
        double ta = breakpoints[a];
        double tb = breakpoints[b];
        return ta < tb || (ta == tb && a < b);
    }
}
