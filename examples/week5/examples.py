"""The week-5 example class: each notebook the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. Each notebook of the
week has its folder (``initialization/``, ``gradient_checking/``, ``regularization/``) and its block below; ``EXAMPLES`` and
``WRITTEN`` gather the blocks. The expected scores are listed in ``README.md`` here and
asserted by ``tests/autograder/test_week5_examples.py``.
"""

from make_examples import Edit, Example

# == week5/initialization ====================================================================

INIT = "week5/initialization"

INIT_EXPLORATION = (
    ("", '# How large are the activations with each initialization?\n'
         'np.random.seed(3)\n'
         'for name, init in [("random", initialize_parameters_random), ("he", initialize_parameters_he)]:\n'
         '    a3, _ = forward_propagation(train_X, init([2, 10, 5, 1]))\n'
         '    print(name, "mean output:", a3.mean())'),
    ("", 'np.random.seed(3)\n'
         'quick = model(train_X, train_Y, num_iterations=2000, print_cost=False)\n'
         'print("He after 2000 steps:", 100 * np.mean(predict_dec(quick, train_X) == train_Y), "%")'),
)


#: Top-level cells that raise or take long in Jupyter; grading never runs them.
INIT_CRASHING = (
    ("", 'print("accuracy:", accuracy_he)  # NameError: never defined'),
    ("", 'assert initialize_parameters_zeros([2, 1])["W1"].shape == (2, 1), "TODO: check the shapes"'),
    ("", 'print("cost:", compute_loss(np.array([[0.5]]), np.array([[1.0]]))'),  # SyntaxError: a parenthesis short
    ("", '# Train much longer, to see where the large random weights end up (minutes in Jupyter)\n'
         'np.random.seed(3)\n'
         'long_run = model(train_X, train_Y, num_iterations=200000, initialization="random")'),
)


def _init(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"initialization/{file}", what, edits, cells, notebook=INIT, stub=stub)


INIT_EXAMPLES = (
    _init("correct.ipynb", "the solution, filled in, plus exploration cells that train and plot at top level",
          cells=INIT_EXPLORATION),
    _init("stub.ipynb", "the untouched student copy", stub=True),
    _init("crashing_cells.ipynb", "correct functions; top-level cells raise NameError and AssertionError, one is a "
          "SyntaxError, and one trains for 200000 steps", cells=INIT_CRASHING),
    _init("he_with_n.ipynb", "initialize_parameters_he scales by sqrt(2 / n_l), the layer's own size, not n_{l-1}", (
        Edit("n_l for n_{l-1}", "np.sqrt(2 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l])"),)),
    _init("random_zero_weights.ipynb", "initialize_parameters_random sets its weights to zeros", (
        Edit("zero weights", "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10",
             "np.zeros((layers_dims[l], layers_dims[l - 1]))"),)),
    _init("random_times_1.ipynb", "initialize_parameters_random forgets the * 10 the notebook asks for", (
        Edit("no * 10", "np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10",
             "np.random.randn(layers_dims[l], layers_dims[l - 1])"),)),
    _init("he_random_biases.ipynb", "initialize_parameters_he draws its biases at random", (
        Edit("random biases", "        parameters[\"W\" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale\n"
                              "        parameters[\"b\" + str(l)] = np.zeros((layers_dims[l], 1))\n    ### END SOLUTION\n"
                              "    return parameters\n\n# %%\nnp.random.seed(3)\nfor name, value in initialize_parameters_he(",
             "        parameters[\"W\" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * scale\n"
             "        parameters[\"b\" + str(l)] = np.random.randn(layers_dims[l], 1) * scale\n    ### END SOLUTION\n"
             "    return parameters\n\n# %%\nnp.random.seed(3)\nfor name, value in initialize_parameters_he("),)),
    _init("model_ignores_initialization.ipynb", "model always initializes with He, whatever initialization says", (
        Edit("always He", '    if initialization == "zeros":\n        parameters = initialize_parameters_zeros(layers_dims)\n'
                          '    elif initialization == "random":\n        parameters = initialize_parameters_random(layers_dims)\n'
                          '    elif initialization == "he":\n        parameters = initialize_parameters_he(layers_dims)\n'
                          '    elif initialization == "xavier":\n        parameters = initialize_parameters_xavier(layers_dims)\n',
             "    parameters = initialize_parameters_he(layers_dims)\n"),)),
)

#: The classic notebook's structure and code (its imports, its seeds inside the random
#: initializations, its given model with a plot, its test calls at top level; no Xavier),
#: written by this project.
INIT_CLASSIC_CELLS = (
    ("markdown", "# Initialization\n\nTraining your neural network requires specifying an initial value of the weights."),
    ("code", "import numpy as np\nimport matplotlib.pyplot as plt\nimport sklearn\nimport sklearn.datasets\n"
             "from init_utils import sigmoid, relu, compute_loss, forward_propagation, backward_propagation\n"
             "from init_utils import update_parameters, predict, load_dataset, plot_decision_boundary, predict_dec\n"
             "from public_tests import *\n\n%matplotlib inline\n"
             "plt.rcParams['figure.figsize'] = (7.0, 4.0) # set default size of plots\n"
             "plt.rcParams['image.interpolation'] = 'nearest'\nplt.rcParams['image.cmap'] = 'gray'\n\n"
             "%load_ext autoreload\n%autoreload 2\n\n"
             "# load image dataset: blue/red dots in circles\ntrain_X, train_Y, test_X, test_Y = load_dataset()"),
    ("code", "def model(X, Y, learning_rate = 0.01, num_iterations = 15000, print_cost = True, initialization = \"he\"):\n"
             "    \"\"\"\n    Implements a three-layer neural network: LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.\n"
             "    \"\"\"\n    grads = {}\n    costs = [] # to keep track of the loss\n"
             "    m = X.shape[1] # number of examples\n    layers_dims = [X.shape[0], 10, 5, 1]\n    \n"
             "    # Initialize parameters dictionary.\n    if initialization == \"zeros\":\n"
             "        parameters = initialize_parameters_zeros(layers_dims)\n    elif initialization == \"random\":\n"
             "        parameters = initialize_parameters_random(layers_dims)\n    elif initialization == \"he\":\n"
             "        parameters = initialize_parameters_he(layers_dims)\n\n    # Loop (gradient descent)\n\n"
             "    for i in range(num_iterations):\n\n"
             "        # Forward propagation: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.\n"
             "        a3, cache = forward_propagation(X, parameters)\n        \n        # Loss\n"
             "        cost = compute_loss(a3, Y)\n\n        # Backward propagation.\n"
             "        grads = backward_propagation(X, Y, cache)\n        \n        # Update parameters.\n"
             "        parameters = update_parameters(parameters, grads, learning_rate)\n        \n"
             "        # Print the loss every 1000 iterations\n        if print_cost and i % 1000 == 0:\n"
             "            print(\"Cost after iteration {}: {}\".format(i, cost))\n            costs.append(cost)\n"
             "            \n    # plot the loss\n    plt.plot(costs)\n    plt.ylabel('cost')\n"
             "    plt.xlabel('iterations (per hundreds)')\n    plt.title(\"Learning rate =\" + str(learning_rate))\n"
             "    plt.show()\n    \n    return parameters"),
    ("code", "# GRADED FUNCTION: initialize_parameters_zeros \n\ndef initialize_parameters_zeros(layers_dims):\n"
             "    \"\"\"\n    Arguments:\n    layer_dims -- python array (list) containing the size of each layer.\n"
             "    \"\"\"\n    \n    parameters = {}\n    L = len(layers_dims)            # number of layers in the network\n"
             "    \n    for l in range(1, L):\n        #(≈ 2 lines of code)\n"
             "        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))\n"
             "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n    return parameters"),
    ("code", "parameters = initialize_parameters_zeros([3, 2, 1])\nprint(\"W1 = \" + str(parameters[\"W1\"]))\n"
             "print(\"b1 = \" + str(parameters[\"b1\"]))\n\ninitialize_parameters_zeros_test(initialize_parameters_zeros)"),
    ("code", "parameters = model(train_X, train_Y, initialization = \"zeros\")\n"
             "print (\"On the train set:\")\npredictions_train = predict(train_X, train_Y, parameters)\n"
             "print (\"On the test set:\")\npredictions_test = predict(test_X, test_Y, parameters)"),
    ("code", "# GRADED FUNCTION: initialize_parameters_random\n\ndef initialize_parameters_random(layers_dims):\n"
             "    \"\"\"\n    Arguments:\n    layer_dims -- python array (list) containing the size of each layer.\n"
             "    \"\"\"\n    \n    np.random.seed(3)               # This seed makes sure your \"random\" numbers will be the as ours\n"
             "    parameters = {}\n    L = len(layers_dims)            # integer representing the number of layers\n"
             "    \n    for l in range(1, L):\n        #(≈ 2 lines of code)\n"
             "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10\n"
             "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n\n    return parameters"),
    ("code", "parameters = initialize_parameters_random([3, 2, 1])\nprint(\"W1 = \" + str(parameters[\"W1\"]))\n"
             "initialize_parameters_random_test(initialize_parameters_random)"),
    ("code", "parameters = model(train_X, train_Y, initialization = \"random\")\nprint(\"On the train set:\")\n"
             "predictions_train = predict(train_X, train_Y, parameters)"),
    ("code", "# GRADED FUNCTION: initialize_parameters_he\n\ndef initialize_parameters_he(layers_dims):\n"
             "    \"\"\"\n    Arguments:\n    layer_dims -- python array (list) containing the size of each layer.\n"
             "    \"\"\"\n    \n    np.random.seed(3)\n    parameters = {}\n"
             "    L = len(layers_dims) - 1 # integer representing the number of layers\n     \n"
             "    for l in range(1, L + 1):\n        #(≈ 2 lines of code)\n"
             "        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])\n"
             "        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))\n        \n    return parameters"),
    ("code", "parameters = initialize_parameters_he([2, 4, 1])\nprint(\"W1 = \" + str(parameters[\"W1\"]))\n\n"
             "initialize_parameters_he_test(initialize_parameters_he)"),
    ("code", "parameters = model(train_X, train_Y, initialization = \"he\")\nprint(\"On the train set:\")\n"
             "predictions_train = predict(train_X, train_Y, parameters)\nprint(\"On the test set:\")\n"
             "predictions_test = predict(test_X, test_Y, parameters)"),
    ("code", "plt.title(\"Model with He initialization\")\naxes = plt.gca()\naxes.set_xlim([-1.5,1.5])\n"
             "axes.set_ylim([-1.5,1.5])\nplot_decision_boundary(lambda x: predict_dec(parameters, x.T), train_X, train_Y)"),
)

INIT_WRITTEN = {"initialization/classic_course.ipynb": (
    "correct functions in the classic course's style: sklearn, init_utils and public_tests imports, %matplotlib "
    "inline, np.random.seed(3) inside the random initializations, its given model (no \"xavier\", a plot of the "
    "costs), test calls at top level; no initialize_parameters_xavier (this course's addition)", INIT_CLASSIC_CELLS)}

# == end of week5/initialization =============================================================

# == week5/gradient_checking =================================================================

GRADIENT_CHECKING = "week5/gradient_checking"


def _gc(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"gradient_checking/{file}", what, edits, cells, notebook=GRADIENT_CHECKING, stub=stub)


GC_EXPLORATION = (
    ("", 'for x, theta in [(1, 1), (-2, 0.5), (1000, 3)]:\n'
         '    print(x, theta, gradient_check(x, theta))'),
    ("", '# Fixing the two bugs of backward_propagation_n by hand, then checking again\n'
         'gradients["dW2"] = gradients["dW2"] / 2\n'
         'gradients["db1"] = gradients["db1"] / 4\n'
         'print("after the fix:", gradient_check_n(parameters, gradients, X, Y, print_msg=True))'),
)

#: Top-level cells that raise or take long in Jupyter; grading never runs them.
GC_CRASHING = (
    ("", 'print("the fixed difference:", fixed_difference)  # NameError: never defined'),
    ("", 'assert difference < 2e-7, "TODO: fix backward_propagation_n"'),
    ("", 'print(gradient_check(2, 3, print_msg=True)'),  # SyntaxError: a parenthesis short
    ("", '# How does the difference change with epsilon? (hours in Jupyter)\n'
         'for k in range(1, 100000):\n'
         '    gradient_check_n(parameters, gradients, X, Y, epsilon=10.0 ** -(k % 12), print_msg=False)'),
)

GC_EXAMPLES = (
    _gc("correct.ipynb", "the solution, filled in, plus exploration cells that check at top level",
        cells=GC_EXPLORATION),
    _gc("stub.ipynb", "the untouched student copy", stub=True),
    _gc("crashing_cells.ipynb", "correct functions; top-level cells raise NameError and AssertionError, one is a "
        "SyntaxError, and one runs gradient_check_n a hundred thousand times", cells=GC_CRASHING),
    _gc("absolute_difference.ipynb", "gradient_check returns ||grad - gradapprox||, not the relative difference", (
        Edit("absolute difference", "    grad = backward_propagation(x, theta)\n"
             "    numerator = np.linalg.norm(grad - gradapprox)\n"
             "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
             "    difference = numerator / denominator\n",
             "    grad = backward_propagation(x, theta)\n"
             "    difference = np.linalg.norm(grad - gradapprox)\n"),)),
    _gc("verdict_reversed.ipynb", "gradient_check compares the wrong way: it calls a difference below 2e-7 a mistake", (
        Edit("< for >", "    difference = numerator / denominator\n    if print_msg:\n        if difference > 2e-7:\n"
             "            print(\"There is a mistake in the backward propagation! difference = \" + str(difference))\n"
             "        else:\n"
             "            print(\"Your backward propagation works perfectly fine! difference = \" + str(difference))\n"
             "    ### END SOLUTION\n    return difference\n\n# %%\ncheck(gradient_check)\n",
             "    difference = numerator / denominator\n    if print_msg:\n        if difference < 2e-7:\n"
             "            print(\"There is a mistake in the backward propagation! difference = \" + str(difference))\n"
             "        else:\n"
             "            print(\"Your backward propagation works perfectly fine! difference = \" + str(difference))\n"
             "    ### END SOLUTION\n    return difference\n\n# %%\ncheck(gradient_check)\n"),)),
    _gc("epsilon_not_doubled.ipynb", "gradient_check_n divides J_plus[i] - J_minus[i] by epsilon, not 2 * epsilon", (
        Edit("/ epsilon", "gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)",
             "gradapprox[i] = (J_plus[i] - J_minus[i]) / epsilon"),)),
    _gc("copy_missing.ipynb", "gradient_check_n's theta_plus and theta_minus are the parameter vector itself, no copy", (
        Edit("theta_plus without np.copy", "theta_plus = np.copy(parameters_values)", "theta_plus = parameters_values"),
        Edit("theta_minus without np.copy", "theta_minus = np.copy(parameters_values)",
             "theta_minus = parameters_values"),)),
)

#: The classic notebook before 2021 (its v1): gradient_check(x, theta, epsilon) and
#: gradient_check_n(parameters, gradients, X, Y, epsilon), no print_msg, always printing,
#: the bugs of backward_propagation_n left in; testCases and gc_utils imports.
GC_CLASSIC_CELLS = (
    ("markdown", "# Gradient Checking\n\nWelcome to the final assignment for this week! In this assignment you will "
                 "learn to implement and use gradient checking."),
    ("code", "# Packages\nimport numpy as np\nfrom testCases import *\n"
             "from gc_utils import sigmoid, relu, dictionary_to_vector, vector_to_dictionary, gradients_to_vector"),
    ("code", "# GRADED FUNCTION: forward_propagation\n\ndef forward_propagation(x, theta):\n    \"\"\"\n"
             "    Implement the linear forward propagation (compute J) presented in Figure 1 (J(theta) = theta * x)\n"
             "    \"\"\"\n    \n    ### START CODE HERE ### (approx. 1 line)\n    J = theta * x\n"
             "    ### END CODE HERE ###\n    \n    return J"),
    ("code", "x, theta = 2, 4\nJ = forward_propagation(x, theta)\nprint (\"J = \" + str(J))"),
    ("code", "# GRADED FUNCTION: backward_propagation\n\ndef backward_propagation(x, theta):\n    \"\"\"\n"
             "    Computes the derivative of J with respect to theta (see Figure 1).\n    \"\"\"\n    \n"
             "    ### START CODE HERE ### (approx. 1 line)\n    dtheta = x\n    ### END CODE HERE ###\n    \n"
             "    return dtheta"),
    ("code", "# GRADED FUNCTION: gradient_check\n\ndef gradient_check(x, theta, epsilon = 1e-7):\n    \"\"\"\n"
             "    Implement the backward propagation presented in Figure 1.\n    \"\"\"\n    \n"
             "    # Compute gradapprox using left side of formula (1). epsilon is small enough, you don't need to worry "
             "about the limit.\n    ### START CODE HERE ### (approx. 5 lines)\n    thetaplus = theta + epsilon\n"
             "    thetaminus = theta - epsilon\n    J_plus = forward_propagation(x, thetaplus)\n"
             "    J_minus = forward_propagation(x, thetaminus)\n    gradapprox = (J_plus - J_minus) / (2 * epsilon)\n"
             "    ### END CODE HERE ###\n    \n"
             "    # Check if gradapprox is close enough to the output of backward_propagation()\n"
             "    ### START CODE HERE ### (approx. 1 line)\n    grad = backward_propagation(x, theta)\n"
             "    ### END CODE HERE ###\n    \n    ### START CODE HERE ### (approx. 1 line)\n"
             "    numerator = np.linalg.norm(grad - gradapprox)\n"
             "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
             "    difference = numerator / denominator\n    ### END CODE HERE ###\n    \n"
             "    if difference < 1e-7:\n        print (\"The gradient is correct!\")\n    else:\n"
             "        print (\"The gradient is wrong!\")\n    \n    return difference"),
    ("code", "x, theta = 2, 4\ndifference = gradient_check(x, theta)\nprint(\"difference = \" + str(difference))"),
    ("code", "def forward_propagation_n(X, Y, parameters):\n    \"\"\"\n"
             "    Implements the forward propagation (and computes the cost) presented in Figure 3.\n    \"\"\"\n"
             "    \n    # retrieve parameters\n    m = X.shape[1]\n    W1 = parameters[\"W1\"]\n"
             "    b1 = parameters[\"b1\"]\n    W2 = parameters[\"W2\"]\n    b2 = parameters[\"b2\"]\n"
             "    W3 = parameters[\"W3\"]\n    b3 = parameters[\"b3\"]\n\n"
             "    # LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID\n    Z1 = np.dot(W1, X) + b1\n"
             "    A1 = relu(Z1)\n    Z2 = np.dot(W2, A1) + b2\n    A2 = relu(Z2)\n    Z3 = np.dot(W3, A2) + b3\n"
             "    A3 = sigmoid(Z3)\n\n    # Cost\n"
             "    logprobs = np.multiply(-np.log(A3),Y) + np.multiply(-np.log(1 - A3), 1 - Y)\n"
             "    cost = 1./m * np.sum(logprobs)\n    \n"
             "    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)\n    \n    return cost, cache"),
    ("code", "def backward_propagation_n(X, Y, cache):\n    \"\"\"\n"
             "    Implement the backward propagation presented in figure 2.\n    \"\"\"\n    \n    m = X.shape[1]\n"
             "    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\n    \n    dZ3 = A3 - Y\n"
             "    dW3 = 1./m * np.dot(dZ3, A2.T)\n    db3 = 1./m * np.sum(dZ3, axis=1, keepdims = True)\n    \n"
             "    dA2 = np.dot(W3.T, dZ3)\n    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n"
             "    dW2 = 1./m * np.dot(dZ2, A1.T) * 2\n    db2 = 1./m * np.sum(dZ2, axis=1, keepdims = True)\n    \n"
             "    dA1 = np.dot(W2.T, dZ2)\n    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n"
             "    dW1 = 1./m * np.dot(dZ1, X.T)\n    db1 = 4./m * np.sum(dZ1, axis=1, keepdims = True)\n    \n"
             "    gradients = {\"dZ3\": dZ3, \"dW3\": dW3, \"db3\": db3,\n"
             "                 \"dA2\": dA2, \"dZ2\": dZ2, \"dW2\": dW2, \"db2\": db2,\n"
             "                 \"dA1\": dA1, \"dZ1\": dZ1, \"dW1\": dW1, \"db1\": db1}\n    \n    return gradients"),
    ("code", "# GRADED FUNCTION: gradient_check_n\n\n"
             "def gradient_check_n(parameters, gradients, X, Y, epsilon = 1e-7):\n    \"\"\"\n"
             "    Checks if backward_propagation_n computes correctly the gradient of the cost output by "
             "forward_propagation_n\n    \"\"\"\n    \n    # Set-up variables\n"
             "    parameters_values, _ = dictionary_to_vector(parameters)\n"
             "    grad = gradients_to_vector(gradients)\n    num_parameters = parameters_values.shape[0]\n"
             "    J_plus = np.zeros((num_parameters, 1))\n    J_minus = np.zeros((num_parameters, 1))\n"
             "    gradapprox = np.zeros((num_parameters, 1))\n    \n    # Compute gradapprox\n"
             "    for i in range(num_parameters):\n        \n"
             "        # Compute J_plus[i]. Inputs: \"parameters_values, epsilon\". Output = \"J_plus[i]\".\n"
             "        ### START CODE HERE ### (approx. 3 lines)\n        thetaplus = np.copy(parameters_values)\n"
             "        thetaplus[i][0] = thetaplus[i][0] + epsilon\n"
             "        J_plus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaplus))\n"
             "        ### END CODE HERE ###\n        \n        # Compute J_minus[i].\n"
             "        ### START CODE HERE ### (approx. 3 lines)\n        thetaminus = np.copy(parameters_values)\n"
             "        thetaminus[i][0] = thetaminus[i][0] - epsilon\n"
             "        J_minus[i], _ = forward_propagation_n(X, Y, vector_to_dictionary(thetaminus))\n"
             "        ### END CODE HERE ###\n        \n        # Compute gradapprox[i]\n"
             "        ### START CODE HERE ### (approx. 1 line)\n"
             "        gradapprox[i] = (J_plus[i] - J_minus[i]) / (2 * epsilon)\n        ### END CODE HERE ###\n"
             "    \n    # Compare gradapprox to backward propagation gradients by computing difference.\n"
             "    ### START CODE HERE ### (approx. 1 line)\n    numerator = np.linalg.norm(grad - gradapprox)\n"
             "    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)\n"
             "    difference = numerator / denominator\n    ### END CODE HERE ###\n\n    if difference > 2e-7:\n"
             "        print (\"\\033[93m\" + \"There is a mistake in the backward propagation! difference = \" + "
             "str(difference) + \"\\033[0m\")\n    else:\n"
             "        print (\"\\033[92m\" + \"Your backward propagation works perfectly fine! difference = \" + "
             "str(difference) + \"\\033[0m\")\n    \n    return difference"),
    ("code", "X, Y, parameters = gradient_check_n_test_case()\n\n"
             "cost, cache = forward_propagation_n(X, Y, parameters)\n"
             "gradients = backward_propagation_n(X, Y, cache)\n"
             "difference = gradient_check_n(parameters, gradients, X, Y)"),
)

GC_WRITTEN = {"gradient_checking/classic_course.ipynb": (
    "correct functions in the classic course's style before 2021: testCases and gc_utils imports, "
    "gradient_check(x, theta, epsilon) and gradient_check_n(parameters, gradients, X, Y, epsilon) without print_msg, "
    "always printing, backward_propagation_n's bugs left in, test-case calls at top level", GC_CLASSIC_CELLS)}

# == end of week5/gradient_checking ==========================================================

# == week5/regularization ====================================================================

REGULARIZATION = "week5/regularization"


def _reg(file: str, what: str, edits: tuple = (), cells: tuple = (), stub: bool = False) -> Example:
    return Example(f"regularization/{file}", what, edits, cells, notebook=REGULARIZATION, stub=stub)


REG_EXPLORATION = (
    ("", '# Does the L2 term grow with lambda as it should?\n'
         'for lambd in (0.0, 0.1, 1.0):\n'
         '    a3, _ = forward_propagation(train_X, parameters)\n'
         '    print(lambd, compute_cost_with_regularization(a3, train_Y, parameters, lambd))'),
    ("", '# What share of the units does dropout keep?\n'
         'a3, cache = forward_propagation_with_dropout(train_X, parameters, keep_prob=0.86)\n'
         'print("kept:", cache[1].mean(), cache[6].mean())'),
)

#: Top-level cells that raise or take long in Jupyter; grading never runs them.
REG_CRASHING = (
    ("", 'print("best lambda:", best_lambda)  # NameError: never defined'),
    ("", 'assert parameters["W1"].shape == (2, 2), "TODO: smaller network"'),
    ("", 'parameters = model(train_X, train_Y, lambd=0.7'),  # SyntaxError: a parenthesis short
    ("", '# Every lambda from 0 to 10 (hours in Jupyter)\n'
         'for k in range(1000):\n'
         '    parameters = model(train_X, train_Y, lambd=k / 100, num_iterations=300000, print_cost=False)'),
)

_L2_TERM = "    L2_regularization_cost = lambd / (2 * m) * ("

REG_EXAMPLES = (
    _reg("correct.ipynb", "the solution, filled in, plus exploration cells at top level", cells=REG_EXPLORATION),
    _reg("stub.ipynb", "the untouched student copy", stub=True),
    _reg("crashing_cells.ipynb", "correct functions; top-level cells raise NameError and AssertionError, one is a "
         "SyntaxError, and one trains a thousand models", cells=REG_CRASHING),
    _reg("l2_without_1_over_m.ipynb", "the L2 term is lambd / 2 times the sum of squares: the 1/m forgotten", (
        Edit("lambd / 2", _L2_TERM, "    L2_regularization_cost = lambd / 2 * ("),)),
    _reg("l2_lambd_over_m.ipynb", "the L2 term is lambd / m, not lambd / (2 * m), times the sum of squares", (
        Edit("lambd / m", _L2_TERM, "    L2_regularization_cost = lambd / m * ("),)),
    _reg("dw_without_l2_term.ipynb", "backward_propagation_with_regularization's dW1 lacks lambd / m * W1", (
        Edit("no L2 term in dW1", "    dW1 = 1.0 / m * np.dot(dZ1, X.T) + lambd / m * W1\n",
             "    dW1 = 1.0 / m * np.dot(dZ1, X.T)\n"),)),
    _reg("dropout_not_scaled.ipynb", "forward_propagation_with_dropout never divides by keep_prob", (
        Edit("A1 not scaled", "    A1 = A1 / keep_prob\n", ""), Edit("A2 not scaled", "    A2 = A2 / keep_prob\n", ""))),
    _reg("dropout_on_output.ipynb", "forward_propagation_with_dropout drops units of the output layer too", (
        Edit("D3", "    A3 = sigmoid(Z3)\n    cache = (Z1, D1,",
             "    A3 = sigmoid(Z3)\n    D3 = (np.random.rand(A3.shape[0], A3.shape[1]) < keep_prob).astype(int)\n"
             "    A3 = A3 * D3 / keep_prob\n    cache = (Z1, D1,"),)),
    _reg("mask_not_applied.ipynb", "backward_propagation_with_dropout never multiplies by the masks and takes the ReLU "
         "derivative from Z, so the dropped units get gradients", (
             Edit("no D2", "    dA2 = dA2 * D2\n", ""), Edit("no D1", "    dA1 = dA1 * D1\n", ""),
             Edit("relu from Z2", "    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n    dW2 = 1.0 / m * np.dot(dZ2, A1.T)\n"
                  "    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)\n    dA1 = np.dot(W2.T, dZ2)\n    dA1 = dA1 /",
                  "    dZ2 = np.multiply(dA2, np.int64(Z2 > 0))\n    dW2 = 1.0 / m * np.dot(dZ2, A1.T)\n"
                  "    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)\n    dA1 = np.dot(W2.T, dZ2)\n    dA1 = dA1 /"),
             Edit("relu from Z1", "    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n    dW1 = 1.0 / m * np.dot(dZ1, X.T)\n"
                  "    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)\n    ### END SOLUTION\n    gradients = {\"dZ3\": dZ3, "
                  "\"dW3\": dW3, \"db3\": db3, \"dA2\": dA2, \"dZ2\": dZ2, \"dW2\": dW2, \"db2\": db2,\n"
                  "                 \"dA1\": dA1, \"dZ1\": dZ1, \"dW1\": dW1, \"db1\": db1}\n    return gradients\n\n"
                  "# %%\ncheck(backward_propagation_with_dropout)",
                  "    dZ1 = np.multiply(dA1, np.int64(Z1 > 0))\n    dW1 = 1.0 / m * np.dot(dZ1, X.T)\n"
                  "    db1 = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)\n    ### END SOLUTION\n    gradients = {\"dZ3\": dZ3, "
                  "\"dW3\": dW3, \"db3\": db3, \"dA2\": dA2, \"dZ2\": dZ2, \"dW2\": dW2, \"db2\": db2,\n"
                  "                 \"dA1\": dA1, \"dZ1\": dZ1, \"dW1\": dW1, \"db1\": db1}\n    return gradients\n\n"
                  "# %%\ncheck(backward_propagation_with_dropout)"))),
)

#: The classic notebook (v2a's layout): its imports (sklearn, scipy.io, reg_utils, testCases),
#: the given model before the graded functions, the course's code between START / END CODE HERE,
#: test-case calls and trainings at top level.
REG_CLASSIC_CELLS = (
    ("markdown", "# Regularization\n\nWelcome to the second assignment of this week. Deep Learning models have so much "
                 "flexibility and capacity that **overfitting can be a serious problem**."),
    ("code", "# import packages\nimport numpy as np\nimport matplotlib.pyplot as plt\n"
             "from reg_utils import sigmoid, relu, plot_decision_boundary, initialize_parameters, load_2D_dataset, "
             "predict_dec\nfrom reg_utils import compute_cost, predict, forward_propagation, backward_propagation, "
             "update_parameters\nimport sklearn\nimport sklearn.datasets\nimport scipy.io\nfrom testCases import *\n\n"
             "%matplotlib inline\nplt.rcParams['figure.figsize'] = (7.0, 4.0)"),
    ("code", "train_X, train_Y, test_X, test_Y = load_2D_dataset()"),
    ("code", "def model(X, Y, learning_rate = 0.3, num_iterations = 30000, print_cost = True, lambd = 0, "
             "keep_prob = 1):\n    grads = {}\n    costs = []\n    m = X.shape[1]\n"
             "    layers_dims = [X.shape[0], 20, 3, 1]\n    parameters = initialize_parameters(layers_dims)\n\n"
             "    for i in range(0, num_iterations):\n        if keep_prob == 1:\n"
             "            a3, cache = forward_propagation(X, parameters)\n        elif keep_prob < 1:\n"
             "            a3, cache = forward_propagation_with_dropout(X, parameters, keep_prob)\n"
             "        if lambd == 0:\n            cost = compute_cost(a3, Y)\n        else:\n"
             "            cost = compute_cost_with_regularization(a3, Y, parameters, lambd)\n"
             "        assert(lambd==0 or keep_prob==1)\n        if lambd == 0 and keep_prob == 1:\n"
             "            grads = backward_propagation(X, Y, cache)\n        elif lambd != 0:\n"
             "            grads = backward_propagation_with_regularization(X, Y, cache, lambd)\n"
             "        elif keep_prob < 1:\n            grads = backward_propagation_with_dropout(X, Y, cache, keep_prob)\n"
             "        parameters = update_parameters(parameters, grads, learning_rate)\n"
             "        if print_cost and i % 10000 == 0:\n"
             "            print(\"Cost after iteration {}: {}\".format(i, cost))\n"
             "        if print_cost and i % 1000 == 0:\n            costs.append(cost)\n\n"
             "    plt.plot(costs)\n    plt.ylabel('cost')\n    plt.xlabel('iterations (x1,000)')\n"
             "    plt.title(\"Learning rate =\" + str(learning_rate))\n    plt.show()\n\n    return parameters"),
    ("code", "parameters = model(train_X, train_Y)\nprint (\"On the training set:\")\n"
             "predictions_train = predict(train_X, train_Y, parameters)\nprint (\"On the test set:\")\n"
             "predictions_test = predict(test_X, test_Y, parameters)"),
    ("code", "# GRADED FUNCTION: compute_cost_with_regularization\n\n"
             "def compute_cost_with_regularization(A3, Y, parameters, lambd):\n    m = Y.shape[1]\n"
             "    W1 = parameters[\"W1\"]\n    W2 = parameters[\"W2\"]\n    W3 = parameters[\"W3\"]\n    \n"
             "    cross_entropy_cost = compute_cost(A3, Y) # This gives you the cross-entropy part of the cost\n    \n"
             "    ### START CODE HERE ### (approx. 1 line)\n"
             "    L2_regularization_cost = (1./m*lambd/2)*(np.sum(np.square(W1)) + np.sum(np.square(W2)) + "
             "np.sum(np.square(W3)))\n    ### END CODER HERE ###\n    \n"
             "    cost = cross_entropy_cost + L2_regularization_cost\n    \n    return cost"),
    ("code", "A3, Y_assess, parameters = compute_cost_with_regularization_test_case()\n\n"
             "print(\"cost = \" + str(compute_cost_with_regularization(A3, Y_assess, parameters, lambd = 0.1)))"),
    ("code", "# GRADED FUNCTION: backward_propagation_with_regularization\n\n"
             "def backward_propagation_with_regularization(X, Y, cache, lambd):\n    m = X.shape[1]\n"
             "    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache\n    \n    dZ3 = A3 - Y\n    \n"
             "    ### START CODE HERE ### (approx. 1 line)\n    dW3 = 1./m * np.dot(dZ3, A2.T) + lambd/m * W3\n"
             "    ### END CODE HERE ###\n    db3 = 1./m * np.sum(dZ3, axis=1, keepdims = True)\n    \n"
             "    dA2 = np.dot(W3.T, dZ3)\n    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n"
             "    ### START CODE HERE ### (approx. 1 line)\n    dW2 = 1./m * np.dot(dZ2, A1.T) + lambd/m * W2\n"
             "    ### END CODE HERE ###\n    db2 = 1./m * np.sum(dZ2, axis=1, keepdims = True)\n    \n"
             "    dA1 = np.dot(W2.T, dZ2)\n    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n"
             "    ### START CODE HERE ### (approx. 1 line)\n    dW1 = 1./m * np.dot(dZ1, X.T) + lambd/m * W1\n"
             "    ### END CODE HERE ###\n    db1 = 1./m * np.sum(dZ1, axis=1, keepdims = True)\n    \n"
             "    gradients = {\"dZ3\": dZ3, \"dW3\": dW3, \"db3\": db3,\"dA2\": dA2,\n"
             "                 \"dZ2\": dZ2, \"dW2\": dW2, \"db2\": db2, \"dA1\": dA1, \n"
             "                 \"dZ1\": dZ1, \"dW1\": dW1, \"db1\": db1}\n    \n    return gradients"),
    ("code", "parameters = model(train_X, train_Y, lambd = 0.7)\nprint (\"On the train set:\")\n"
             "predictions_train = predict(train_X, train_Y, parameters)\nprint (\"On the test set:\")\n"
             "predictions_test = predict(test_X, test_Y, parameters)"),
    ("code", "# GRADED FUNCTION: forward_propagation_with_dropout\n\n"
             "def forward_propagation_with_dropout(X, parameters, keep_prob = 0.5):\n    np.random.seed(1)\n    \n"
             "    # retrieve parameters\n    W1 = parameters[\"W1\"]\n    b1 = parameters[\"b1\"]\n"
             "    W2 = parameters[\"W2\"]\n    b2 = parameters[\"b2\"]\n    W3 = parameters[\"W3\"]\n"
             "    b3 = parameters[\"b3\"]\n    \n    # LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID\n"
             "    Z1 = np.dot(W1, X) + b1\n    A1 = relu(Z1)\n"
             "    ### START CODE HERE ### (approx. 4 lines)\n"
             "    D1 = np.random.rand(A1.shape[0], A1.shape[1])\n    D1 = D1 < keep_prob\n"
             "    A1 = A1 * D1\n    A1 = A1 / keep_prob\n    ### END CODE HERE ###\n"
             "    Z2 = np.dot(W2, A1) + b2\n    A2 = relu(Z2)\n    ### START CODE HERE ### (approx. 4 lines)\n"
             "    D2 = np.random.rand(A2.shape[0], A2.shape[1])\n    D2 = D2 < keep_prob\n"
             "    A2 = A2 * D2\n    A2 = A2 / keep_prob\n    ### END CODE HERE ###\n"
             "    Z3 = np.dot(W3, A2) + b3\n    A3 = sigmoid(Z3)\n    \n"
             "    cache = (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)\n    \n    return A3, cache"),
    ("code", "X_assess, parameters = forward_propagation_with_dropout_test_case()\n\n"
             "A3, cache = forward_propagation_with_dropout(X_assess, parameters, keep_prob = 0.7)\n"
             "print (\"A3 = \" + str(A3))"),
    ("code", "# GRADED FUNCTION: backward_propagation_with_dropout\n\n"
             "def backward_propagation_with_dropout(X, Y, cache, keep_prob):\n    m = X.shape[1]\n"
             "    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache\n    \n    dZ3 = A3 - Y\n"
             "    dW3 = 1./m * np.dot(dZ3, A2.T)\n    db3 = 1./m * np.sum(dZ3, axis=1, keepdims = True)\n"
             "    dA2 = np.dot(W3.T, dZ3)\n    ### START CODE HERE ### (≈ 2 lines of code)\n    dA2 = dA2 * D2\n"
             "    dA2 = dA2 / keep_prob\n    ### END CODE HERE ###\n    dZ2 = np.multiply(dA2, np.int64(A2 > 0))\n"
             "    dW2 = 1./m * np.dot(dZ2, A1.T)\n    db2 = 1./m * np.sum(dZ2, axis=1, keepdims = True)\n    \n"
             "    dA1 = np.dot(W2.T, dZ2)\n    ### START CODE HERE ### (≈ 2 lines of code)\n    dA1 = dA1 * D1\n"
             "    dA1 = dA1 / keep_prob\n    ### END CODE HERE ###\n    dZ1 = np.multiply(dA1, np.int64(A1 > 0))\n"
             "    dW1 = 1./m * np.dot(dZ1, X.T)\n    db1 = 1./m * np.sum(dZ1, axis=1, keepdims = True)\n    \n"
             "    gradients = {\"dZ3\": dZ3, \"dW3\": dW3, \"db3\": db3,\"dA2\": dA2,\n"
             "                 \"dZ2\": dZ2, \"dW2\": dW2, \"db2\": db2, \"dA1\": dA1, \n"
             "                 \"dZ1\": dZ1, \"dW1\": dW1, \"db1\": db1}\n    \n    return gradients"),
    ("code", "parameters = model(train_X, train_Y, keep_prob = 0.86, learning_rate = 0.3)\n\n"
             "print (\"On the train set:\")\npredictions_train = predict(train_X, train_Y, parameters)\n"
             "print (\"On the test set:\")\npredictions_test = predict(test_X, test_Y, parameters)"),
)

REG_WRITTEN = {"regularization/classic_course.ipynb": (
    "correct functions in the classic course's style: reg_utils, sklearn, scipy.io and testCases imports, the given "
    "model before the graded functions, boolean dropout masks, test-case calls and trainings at top level",
    REG_CLASSIC_CELLS)}

# == end of week5/regularization =============================================================

NOTEBOOK = INIT  # the default of an Example without its own notebook (each here names its own)
EXAMPLES = (*INIT_EXAMPLES, *GC_EXAMPLES, *REG_EXAMPLES)
WRITTEN = {**INIT_WRITTEN, **GC_WRITTEN, **REG_WRITTEN}
