"""The week-3 example class: one notebook per case, each the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. The expected scores
are listed in ``README.md`` here and asserted by ``tests/autograder/test_week3_examples.py``.
"""

from make_examples import Edit, Example

NOTEBOOK = "week3/planar_data_classification"

EXPLORATION = (
    ("", 'print("layer sizes of the flower:", layer_sizes(X, Y))\n'
         'np.random.seed(2)\n'
         'print(initialize_parameters(2, 4, 1)["W1"])'),
    ("", 'np.random.seed(2)\n'
         'my_parameters = nn_model(X, Y, n_h=4, num_iterations=2000, print_cost=True)\n'
         'print("accuracy after 2000 steps:", 100 * np.mean(predict(my_parameters, X) == Y), "%")\n'
         'plot_decision_boundary(lambda points: predict(my_parameters, points), X, Y)'),
    ("", '# What does a single hidden unit do?\n'
         'np.random.seed(2)\n'
         'one_unit = nn_model(X, Y, 1, num_iterations=3000)\n'
         'print("one hidden unit:", 100 * np.mean(predict(one_unit, X) == Y), "%")'),
)

#: Top-level cells that raise or take long in Jupyter; grading must ignore them.
CRASHING = (
    ("", 'print("accuracy on the test set:", accuracy_test)  # NameError: never defined'),
    ("", 'grads_check = backward_propagation(parameters, cache, X, Y)  # NameError: cache is local to nn_model'),
    ("", 'assert layer_sizes(X, Y) == (2, 5, 1), "TODO: try 5 hidden units"'),
    ("", 'print("cost:", compute_cost(np.array([[0.5, 0.2]]), Y)'),  # SyntaxError: a parenthesis short
    ("", '# Train for real (this takes minutes)\n'
         'big_parameters = nn_model(X, Y, n_h=50, num_iterations=200000, print_cost=True)'),
)

EXAMPLES = (
    Example("correct.ipynb", "the solution, filled in, plus exploration cells that train and plot at top level",
            cells=EXPLORATION),
    Example("stub.ipynb", "the untouched student copy"),
    Example("forward_sigmoid_hidden_layer.ipynb", "forward_propagation uses sigmoid in the hidden layer", (
        Edit("sigmoid in the hidden layer", "A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"),)),
    Example("backward_relu_derivative.ipynb", "backward_propagation uses relu's derivative (Z1 > 0) for tanh's", (
        Edit("relu derivative", "(1 - np.power(A1, 2))", '(cache["Z1"] > 0)'),)),
    Example("db1_without_keepdims.ipynb", "backward_propagation sums db1 without keepdims=True: shape (n_h,)", (
        Edit("db1 without keepdims", "db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1) / m"),)),
    Example("learning_rate_default_changed.ipynb", "update_parameters' default learning rate is 0.01, not 1.2", (
        Edit("default learning rate 0.01", "learning_rate=1.2):", "learning_rate=0.01):"),)),
    Example("predict_returns_probabilities.ipynb", "predict returns A2 instead of 0/1 labels", (
        Edit("no threshold", "predictions = (A2 > 0.5).astype(float)", "predictions = A2"),)),
    Example("crashing_cells.ipynb",
            "correct functions; top-level cells raise NameError and AssertionError, one is a SyntaxError, and one "
            "trains for 200000 iterations", cells=CRASHING + EXPLORATION[:1]),
)

CLASSIC_CELLS = (
    ("markdown", "# Planar data classification with one hidden layer\n\n"
                 "Build a network with a single hidden layer and compare it with logistic regression."),
    ("code", "# Package imports\nimport numpy as np\nimport matplotlib.pyplot as plt\nfrom testCases_v2 import *\n"
             "import sklearn\nimport sklearn.datasets\nimport sklearn.linear_model\n"
             "from planar_utils import plot_decision_boundary, sigmoid, load_planar_dataset, load_extra_datasets\n\n"
             "%matplotlib inline\n\nnp.random.seed(1) # set a seed so that the results are consistent"),
    ("code", "X, Y = load_planar_dataset()"),
    ("code", "# Visualize the data:\nplt.scatter(X[0, :], X[1, :], c=Y[0, :], s=40, cmap=plt.cm.Spectral);"),
    ("code", "### START CODE HERE ### (≈ 3 lines of code)\nshape_X = X.shape\nshape_Y = Y.shape\n"
             "m = X.shape[1]  # training set size\n### END CODE HERE ###\n\n"
             "print ('The shape of X is: ' + str(shape_X))\nprint ('The shape of Y is: ' + str(shape_Y))\n"
             "print ('I have m = %d training examples!' % (m))"),
    ("code", "# Train the logistic regression classifier\nclf = sklearn.linear_model.LogisticRegressionCV();\n"
             "clf.fit(X.T, Y.T.ravel());"),
    ("code", "# GRADED FUNCTION: layer_sizes\n\ndef layer_sizes(X, Y):\n    \"\"\"\n    Arguments:\n"
             "    X -- input dataset of shape (input size, number of examples)\n"
             "    Y -- labels of shape (output size, number of examples)\n    \n    Returns:\n"
             "    n_x -- the size of the input layer\n    n_h -- the size of the hidden layer\n"
             "    n_y -- the size of the output layer\n    \"\"\"\n    ### START CODE HERE ### (≈ 3 lines of code)\n"
             "    n_x = X.shape[0] # size of input layer\n    n_h = 4\n    n_y = Y.shape[0] # size of output layer\n"
             "    ### END CODE HERE ###\n    return (n_x, n_h, n_y)"),
    ("code", "X_assess, Y_assess = layer_sizes_test_case()\n(n_x, n_h, n_y) = layer_sizes(X_assess, Y_assess)\n"
             "print(\"The size of the input layer is: n_x = \" + str(n_x))"),
    ("code", "# GRADED FUNCTION: initialize_parameters\n\ndef initialize_parameters(n_x, n_h, n_y):\n    \"\"\"\n"
             "    Returns:\n    params -- python dictionary containing your parameters:\n"
             "                    W1 -- weight matrix of shape (n_h, n_x)\n                    b1 -- bias vector of shape (n_h, 1)\n"
             "                    W2 -- weight matrix of shape (n_y, n_h)\n                    b2 -- bias vector of shape (n_y, 1)\n"
             "    \"\"\"\n    \n    np.random.seed(2) # we set up a seed so that your output matches ours.\n    \n"
             "    ### START CODE HERE ### (≈ 4 lines of code)\n    W1 = np.random.randn(n_h, n_x) * 0.01\n"
             "    b1 = np.zeros(shape=(n_h, 1))\n    W2 = np.random.randn(n_y, n_h) * 0.01\n"
             "    b2 = np.zeros(shape=(n_y, 1))\n    ### END CODE HERE ###\n    \n"
             "    assert (W1.shape == (n_h, n_x))\n    assert (b1.shape == (n_h, 1))\n"
             "    assert (W2.shape == (n_y, n_h))\n    assert (b2.shape == (n_y, 1))\n    \n"
             "    parameters = {\"W1\": W1,\n                  \"b1\": b1,\n                  \"W2\": W2,\n"
             "                  \"b2\": b2}\n    \n    return parameters"),
    ("code", "n_x, n_h, n_y = initialize_parameters_test_case()\n\nparameters = initialize_parameters(n_x, n_h, n_y)\n"
             "print(\"W1 = \" + str(parameters[\"W1\"]))"),
    ("code", "# GRADED FUNCTION: forward_propagation\n\ndef forward_propagation(X, parameters):\n    \"\"\"\n"
             "    Returns:\n    A2 -- The sigmoid output of the second activation\n"
             "    cache -- a dictionary containing \"Z1\", \"A1\", \"Z2\" and \"A2\"\n    \"\"\"\n"
             "    # Retrieve each parameter from the dictionary \"parameters\"\n    ### START CODE HERE ### (≈ 4 lines of code)\n"
             "    W1 = parameters['W1']\n    b1 = parameters['b1']\n    W2 = parameters['W2']\n    b2 = parameters['b2']\n"
             "    ### END CODE HERE ###\n    \n    # Implement Forward Propagation to calculate A2 (probabilities)\n"
             "    ### START CODE HERE ### (≈ 4 lines of code)\n    Z1 = np.dot(W1, X) + b1\n    A1 = np.tanh(Z1)\n"
             "    Z2 = np.dot(W2, A1) + b2\n    A2 = sigmoid(Z2)\n    ### END CODE HERE ###\n    \n"
             "    assert(A2.shape == (1, X.shape[1]))\n    \n    cache = {\"Z1\": Z1,\n             \"A1\": A1,\n"
             "             \"Z2\": Z2,\n             \"A2\": A2}\n    \n    return A2, cache"),
    ("code", "X_assess, parameters = forward_propagation_test_case()\nA2, cache = forward_propagation(X_assess, parameters)\n"
             "print(np.mean(cache['Z1']) ,np.mean(cache['A1']),np.mean(cache['Z2']),np.mean(cache['A2']))"),
    ("code", "# GRADED FUNCTION: compute_cost\n\ndef compute_cost(A2, Y, parameters):\n    \"\"\"\n"
             "    Computes the cross-entropy cost\n    \n    Arguments:\n"
             "    A2 -- The sigmoid output of the second activation, of shape (1, number of examples)\n"
             "    Y -- \"true\" labels vector of shape (1, number of examples)\n"
             "    parameters -- python dictionary containing your parameters W1, b1, W2 and b2\n    \n"
             "    Returns:\n    cost -- cross-entropy cost\n    \"\"\"\n    \n    m = Y.shape[1] # number of example\n\n"
             "    # Compute the cross-entropy cost\n    ### START CODE HERE ### (≈ 2 lines of code)\n"
             "    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)\n"
             "    cost = - np.sum(logprobs) / m\n    ### END CODE HERE ###\n    \n"
             "    cost = np.squeeze(cost)     # makes sure cost is the dimension we expect.\n"
             "    assert(isinstance(cost, float))\n    \n    return cost"),
    ("code", "A2, Y_assess, parameters = compute_cost_test_case()\n\n"
             "print(\"cost = \" + str(compute_cost(A2, Y_assess, parameters)))"),
    ("code", "# GRADED FUNCTION: backward_propagation\n\ndef backward_propagation(parameters, cache, X, Y):\n    \"\"\"\n"
             "    Returns:\n    grads -- python dictionary containing your gradients with respect to different parameters\n"
             "    \"\"\"\n    m = X.shape[1]\n    \n    # First, retrieve W1 and W2 from the dictionary \"parameters\".\n"
             "    ### START CODE HERE ### (≈ 2 lines of code)\n    W1 = parameters['W1']\n    W2 = parameters['W2']\n"
             "    ### END CODE HERE ###\n        \n    # Retrieve also A1 and A2 from dictionary \"cache\".\n"
             "    ### START CODE HERE ### (≈ 2 lines of code)\n    A1 = cache['A1']\n    A2 = cache['A2']\n"
             "    ### END CODE HERE ###\n    \n    # Backward propagation: calculate dW1, db1, dW2, db2. \n"
             "    ### START CODE HERE ### (≈ 6 lines of code, corresponding to 6 equations on slide above)\n"
             "    dZ2= A2 - Y\n    dW2 = (1 / m) * np.dot(dZ2, A1.T)\n    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)\n"
             "    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))\n    dW1 = (1 / m) * np.dot(dZ1, X.T)\n"
             "    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)\n    ### END CODE HERE ###\n    \n"
             "    grads = {\"dW1\": dW1,\n             \"db1\": db1,\n             \"dW2\": dW2,\n"
             "             \"db2\": db2}\n    \n    return grads"),
    ("code", "parameters, cache, X_assess, Y_assess = backward_propagation_test_case()\n\n"
             "grads = backward_propagation(parameters, cache, X_assess, Y_assess)\n"
             "print (\"dW1 = \"+ str(grads[\"dW1\"]))"),
    ("code", "# GRADED FUNCTION: update_parameters\n\ndef update_parameters(parameters, grads, learning_rate = 1.2):\n"
             "    \"\"\"\n    Updates parameters using the gradient descent update rule given above\n    \"\"\"\n"
             "    # Retrieve each parameter from the dictionary \"parameters\"\n    ### START CODE HERE ### (≈ 4 lines of code)\n"
             "    W1 = parameters['W1']\n    b1 = parameters['b1']\n    W2 = parameters['W2']\n    b2 = parameters['b2']\n"
             "    ### END CODE HERE ###\n    \n    # Retrieve each gradient from the dictionary \"grads\"\n"
             "    ### START CODE HERE ### (≈ 4 lines of code)\n    dW1 = grads['dW1']\n    db1 = grads['db1']\n"
             "    dW2 = grads['dW2']\n    db2 = grads['db2']\n    ## END CODE HERE ###\n    \n"
             "    # Update rule for each parameter\n    ### START CODE HERE ### (≈ 4 lines of code)\n"
             "    W1 = W1 - learning_rate * dW1\n    b1 = b1 - learning_rate * db1\n    W2 = W2 - learning_rate * dW2\n"
             "    b2 = b2 - learning_rate * db2\n    ### END CODE HERE ###\n    \n"
             "    parameters = {\"W1\": W1,\n                  \"b1\": b1,\n                  \"W2\": W2,\n"
             "                  \"b2\": b2}\n    \n    return parameters"),
    ("code", "parameters, grads = update_parameters_test_case()\nparameters = update_parameters(parameters, grads)\n\n"
             "print(\"W1 = \" + str(parameters[\"W1\"]))"),
    ("code", "# GRADED FUNCTION: nn_model\n\ndef nn_model(X, Y, n_h, num_iterations = 10000, print_cost=False):\n"
             "    \"\"\"\n    Returns:\n    parameters -- parameters learnt by the model. They can then be used to predict.\n"
             "    \"\"\"\n    \n    np.random.seed(3)\n    n_x = layer_sizes(X, Y)[0]\n    n_y = layer_sizes(X, Y)[2]\n"
             "    \n    # Initialize parameters, then retrieve W1, b1, W2, b2.\n"
             "    ### START CODE HERE ### (≈ 5 lines of code)\n    parameters = initialize_parameters(n_x, n_h, n_y)\n"
             "    W1 = parameters['W1']\n    b1 = parameters['b1']\n    W2 = parameters['W2']\n    b2 = parameters['b2']\n"
             "    ### END CODE HERE ###\n    \n    # Loop (gradient descent)\n\n    for i in range(0, num_iterations):\n"
             "         \n        ### START CODE HERE ### (≈ 4 lines of code)\n"
             "        A2, cache = forward_propagation(X, parameters)\n        cost = compute_cost(A2, Y, parameters)\n"
             "        grads = backward_propagation(parameters, cache, X, Y)\n"
             "        parameters = update_parameters(parameters, grads)\n        \n        ### END CODE HERE ###\n"
             "        \n        # Print the cost every 1000 iterations\n        if print_cost and i % 1000 == 0:\n"
             "            print (\"Cost after iteration %i: %f\" %(i, cost))\n\n    return parameters"),
    ("code", "X_assess, Y_assess = nn_model_test_case()\n\n"
             "parameters = nn_model(X_assess, Y_assess, 4, num_iterations=10000, print_cost=False)\n"
             "print(\"W1 = \" + str(parameters[\"W1\"]))"),
    ("code", "# GRADED FUNCTION: predict\n\ndef predict(parameters, X):\n    \"\"\"\n"
             "    Using the learned parameters, predicts a class for each example in X\n    \n    Returns\n"
             "    predictions -- vector of predictions of our model (red: 0 / blue: 1)\n    \"\"\"\n    \n"
             "    # Computes probabilities using forward propagation, and classifies to 0/1 using 0.5 as the threshold.\n"
             "    ### START CODE HERE ### (≈ 2 lines of code)\n    A2, cache = forward_propagation(X, parameters)\n"
             "    predictions = np.round(A2)\n    ### END CODE HERE ###\n    \n    return predictions"),
    ("code", "parameters, X_assess = predict_test_case()\n\npredictions = predict(parameters, X_assess)\n"
             "print(\"predictions mean = \" + str(np.mean(predictions)))"),
    ("code", "# Build a model with a n_h-dimensional hidden layer\n"
             "parameters = nn_model(X, Y, n_h = 4, num_iterations = 10000, print_cost=True)\n\n"
             "# Plot the decision boundary\nplot_decision_boundary(lambda x: predict(parameters, x.T), X, Y)\n"
             "plt.title(\"Decision Boundary for hidden layer size \" + str(4))"),
    ("code", "# Print accuracy\npredictions = predict(parameters, X)\n"
             "print ('Accuracy: %d' % float((np.dot(Y,predictions.T) + np.dot(1-Y,1-predictions.T))/float(Y.size)*100) + '%')"),
    ("code", "# Datasets\nnoisy_circles, noisy_moons, blobs, gaussian_quantiles, no_structure = load_extra_datasets()\n\n"
             "datasets = {\"noisy_circles\": noisy_circles,\n            \"noisy_moons\": noisy_moons,\n"
             "            \"blobs\": blobs,\n            \"gaussian_quantiles\": gaussian_quantiles}\n\n"
             "### START CODE HERE ### (choose your dataset)\ndataset = \"noisy_moons\"\n### END CODE HERE ###\n\n"
             "X, Y = datasets[dataset]\nX, Y = X.T, Y.reshape(1, Y.shape[0])"),
)

#: Notebooks written from scratch, not from the student copy: a notebook in the classic
#: course's 2017 style (its imports, its helper test cases, compute_cost(A2, Y, parameters),
#: seeds inside the functions), graded without renaming.
WRITTEN = {"classic_course.ipynb": (
    "correct functions in the classic course's 2017 style: testCases_v2, sklearn and planar_utils imports, "
    "%matplotlib inline, compute_cost(A2, Y, parameters), np.random.seed inside initialize_parameters and nn_model, "
    "test-case calls at top level", CLASSIC_CELLS)}
