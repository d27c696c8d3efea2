"""The week-5 example class: each notebook the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. Each notebook of the
week has its folder (``initialization/``) and its block below; the expected scores are
listed in ``README.md`` here and asserted by ``tests/autograder/test_week5_examples.py``.
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

NOTEBOOK = INIT  # the default of an Example without its own notebook (each here names its own)
EXAMPLES = (*INIT_EXAMPLES,)
WRITTEN = {**INIT_WRITTEN}
